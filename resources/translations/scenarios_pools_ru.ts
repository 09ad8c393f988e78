<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/PoolScenarios.cpp" line="77"/>
        <source>ThreadPoolExecutor: futures, as_completed and map</source>
        <translation>ThreadPoolExecutor: объекты Future, as_completed и map</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/PoolScenarios.cpp" line="78"/>
        <source>A pool of three worker threads runs tasks that sleep 1-3 s and return n*n. Main first submits one task and waits for its result: its Future goes from pending to running to finished. Then it submits six tasks at once: three start, the rest wait in the pool&apos;s work queue, and a seventh is cancelled while it is still pending. as_completed hands the futures over in the order they finish, not the order they were submitted; map gives its results in the order of its items and waits for a slow one even when later ones are done. Each future has its own lane: its colour is its state, and the tooltip names the worker that ran it. Never more than three workers exist.</source>
        <translation>Пул из трёх рабочих потоков выполняет задачи, которые спят от 1 до 3 с и возвращают n*n. Сначала главный поток отправляет одну задачу и ждёт её результата: её объект Future проходит путь от «ожидает» через «выполняется» к «завершён». Затем главный поток отправляет сразу шесть задач: три начинают работу, остальные ждут в очереди заданий пула, а седьмую он отменяет, пока она ещё ожидает. as_completed выдаёт объекты Future в том порядке, в каком задачи завершаются, а не в том, в каком их отправили; map выдаёт результаты в порядке своих элементов и ждёт медленную задачу, даже если следующие уже готовы. У каждого объекта Future своя дорожка: её цвет — это состояние, а подсказка называет рабочий поток, который выполнил задачу. Рабочих потоков никогда не бывает больше трёх.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/PoolScenarios.cpp" line="110"/>
        <source>Worker threads in the pool</source>
        <translation>Рабочих потоков в пуле</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/PoolScenarios.cpp" line="111"/>
        <source>Tasks given to as_completed</source>
        <translation>Задач для as_completed</translation>
    </message>
</context>
</TS>
