<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="246"/>
        <source>Race: add one vs double</source>
        <translation>Гонка: прибавить единицу или удвоить</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="247"/>
        <source>x starts at 2. T1 adds 1 to it, T2 doubles it; each reads x and then writes a new value, and a context switch may fall between the two. Run one after the other they give 6 (add, then double) or 5 (double, then add). When both read 2 before either writes, the later write wipes out the earlier one and x ends at 3 or 4: a lost update. The random policy shows it with the default seed; change the seed to see the other outcomes, or use round-robin to see a serial order.</source>
        <translation>Вначале x равно 2. T1 прибавляет к нему 1, T2 удваивает; каждый поток сначала читает x, потом записывает новое значение, и между этими двумя действиями может случиться переключение контекста. Если потоки выполняются по очереди, получается 6 (сначала прибавить, потом удвоить) или 5 (сначала удвоить, потом прибавить). Если же оба прочитают 2 до того, как кто-то из них запишет результат, более поздняя запись затрёт более раннюю, и x окажется равен 3 или 4: обновление потеряно. Случайная политика с начальным значением по умолчанию показывает именно это; смените начальное значение генератора, чтобы увидеть другие исходы, или выберите циклическую политику, чтобы увидеть последовательный порядок.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="272"/>
        <source>Initial value of x</source>
        <translation>Начальное значение x</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="281"/>
        <source>Lost update: read, sleep, write</source>
        <translation>Потерянное обновление: чтение, пауза, запись</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="282"/>
        <source>Two threads add 10 and 20 to a shared counter. Each reads the counter, sleeps a little, then writes back what it read plus its amount. The sleep hands the processor to the other thread between the read and the write, so both read 0 and one write overwrites the other: the counter ends at 10 or 20, never 30. Watch the context switch between the load and the store.</source>
        <translation>Два потока прибавляют к общему счётчику 10 и 20. Каждый читает счётчик, немного спит, а затем записывает прочитанное значение плюс свою прибавку. Пауза между чтением и записью отдаёт процессор другому потоку, поэтому оба читают 0 и одна запись затирает другую: в итоге счётчик равен 10 или 20, но никогда не 30. Обратите внимание на переключение контекста между чтением и записью.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="302"/>
        <source>Amount added by T1</source>
        <translation>Сколько прибавляет T1</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="303"/>
        <source>Amount added by T2</source>
        <translation>Сколько прибавляет T2</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="304"/>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="337"/>
        <source>Sleep between read and write (ms)</source>
        <translation>Пауза между чтением и записью (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="312"/>
        <source>A Lock makes read-sleep-write safe</source>
        <translation>Lock защищает цепочку «чтение, пауза, запись»</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="313"/>
        <source>The lost-update program again, now with the read, the sleep and the write inside `with lock:`. While one thread holds the lock the others block in acquire, which shows as waiting on the lock; each update starts only after the previous one is written. The counter always ends at the full total (30 for two threads), whatever the schedule. The price: the sleeps no longer overlap, so the run takes one delay per thread.</source>
        <translation>Та же программа с потерянным обновлением, но теперь чтение, пауза и запись находятся внутри `with lock:`. Пока один поток держит блокировку, остальные блокируются в acquire, и это видно как ожидание блокировки; каждое обновление начинается только после того, как записано предыдущее. При любом расписании счётчик в итоге равен полной сумме (30 для двух потоков). Цена этого — паузы больше не перекрываются, и прогон длится по одной паузе на каждый поток.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="336"/>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="442"/>
        <source>Number of threads</source>
        <translation>Число потоков</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="345"/>
        <source>Lock vs RLock: acquiring twice</source>
        <translation>Lock и RLock: повторный захват</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="346"/>
        <source>One thread acquires a lock and then tries again without blocking. A plain Lock does not record who holds it, so the second try fails even for its own holder (a blocking second acquire would hang the thread for good: see the self-deadlock scenario). An RLock remembers its owner and counts: the second acquire succeeds, the recursion count becomes 2, and the RLock is free only after two releases.</source>
        <translation>Поток захватывает блокировку, а затем пытается захватить её ещё раз без ожидания. Обычный Lock не запоминает, кто его держит, поэтому вторая попытка не удаётся даже тому, кто его уже захватил (блокирующий повторный захват подвесил бы поток навсегда — см. сценарий взаимоблокировки с самим собой). RLock помнит владельца и ведёт счёт: второй захват удаётся, счётчик рекурсии становится равен 2, и RLock освобождается только после двух вызовов release.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="373"/>
        <source>Deadlock: two locks taken in opposite orders</source>
        <translation>Взаимоблокировка: две блокировки в разном порядке</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="374"/>
        <source>T1 takes lock_a and then lock_b; T2 takes lock_b and then lock_a. The sleep in between lets each take its first lock before either asks for its second, so T1 waits for lock_b, held by T2, and T2 waits for lock_a, held by T1. Neither can go on: the wait-for cycle T1 -&gt; lock_b -&gt; T2 -&gt; lock_a -&gt; T1 is detected and the run ends in deadlock, with main stuck in join(). Set the delay to 0 and try the random policy with several seeds: without the sleep some schedules slip through and some deadlock.</source>
        <translation>T1 захватывает lock_a, затем lock_b; T2 захватывает lock_b, затем lock_a. Пауза между захватами позволяет каждому взять первую блокировку раньше, чем кто-либо попросит вторую, поэтому T1 ждёт lock_b, которую держит T2, а T2 ждёт lock_a, которую держит T1. Ни один не может продолжить: обнаруживается цикл ожидания T1 -&gt; lock_b -&gt; T2 -&gt; lock_a -&gt; T1, и прогон заканчивается взаимоблокировкой, а главный поток навсегда застревает в join(). Установите паузу 0 и попробуйте случайную политику с разными начальными значениями: без паузы одни расписания проскакивают, а другие заканчиваются взаимоблокировкой.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="409"/>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="443"/>
        <source>Sleep between the two acquires (ms)</source>
        <translation>Пауза между двумя захватами (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="417"/>
        <source>No deadlock: one global lock order</source>
        <translation>Без взаимоблокировки: единый порядок захвата</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="418"/>
        <source>The cure for the two-lock deadlock: every thread takes lock_a first and lock_b second, and releases them in the reverse order. A thread that holds lock_b already holds lock_a, so no one can hold lock_b while waiting for lock_a and no wait-for cycle can form. Threads queue on lock_a instead; under any policy and any seed the run finishes.</source>
        <translation>Лекарство от взаимоблокировки на двух замках: каждый поток сначала захватывает lock_a, потом lock_b, а освобождает их в обратном порядке. Поток, который держит lock_b, уже держит и lock_a, поэтому никто не может держать lock_b, ожидая lock_a, и цикл ожидания не возникает. Вместо этого потоки выстраиваются в очередь к lock_a; при любой политике и любом начальном значении прогон завершается.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="451"/>
        <source>Deadlock with yourself: a Lock acquired twice</source>
        <translation>Взаимоблокировка с самим собой: Lock захвачен дважды</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="452"/>
        <source>T1 acquires a plain Lock and then acquires it again, blocking. A Lock has no owner, so it does not see that the thread asking is the one holding it: T1 waits for a release only T1 could make. The wait-for graph has a cycle of one thread (T1 -&gt; lock -&gt; T1), which is detected; main waits in join() for good. An RLock would have let T1 in.</source>
        <translation>T1 захватывает обычный Lock, а затем захватывает его снова, с ожиданием. У Lock нет владельца, и он не видит, что просит тот же поток, который его держит: T1 ждёт освобождения, которое может сделать только сам T1. В графе ожидания появляется цикл из одного потока (T1 -&gt; lock -&gt; T1), и он обнаруживается; главный поток навсегда остаётся в join(). RLock пропустил бы T1.</translation>
    </message>
</context>
</TS>
