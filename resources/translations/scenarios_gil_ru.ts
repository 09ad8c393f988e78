<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/GilScenarios.cpp" line="100"/>
        <source>CPU-bound threads under the GIL</source>
        <translation>Вычислительные потоки под GIL</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/GilScenarios.cpp" line="101"/>
        <source>A pure-Python countdown that needs WORK_MS milliseconds of CPU time in all is split evenly between THREADS threads. With the GIL on (here on 4 virtual cores) only the thread that holds the GIL runs Python code: the GIL lane shows one holder at a time, passed on every switch interval (5 ms), the other cores stay idle, and 2 or 4 threads take as long as one. Turn the GIL off and, on 4 cores, 4 threads finish in about a quarter of the time. Separate processes give that with the GIL on: set PROCESSES to 1 and the countdown runs in real child processes, each with its own interpreter and its own GIL, in parallel on the 4 cores. The io thread spends most of its time asleep, as if waiting for a network reply; asleep it does not hold the GIL, and after each wake-up it waits for the GIL before it can parse the reply. The GIL tab of the Charts panel runs the program with 1, 2 and 4 threads, with and without the GIL, on 1 and on 4 cores, and compares the elapsed times.</source>
        <translation>Обратный отсчёт на чистом Python, которому всего нужно WORK_MS миллисекунд процессорного времени, поровну делится между THREADS потоками. Когда GIL включён (здесь на 4 виртуальных ядрах), код Python выполняет только поток, владеющий GIL: на дорожке GIL в каждый момент один владелец, и он сменяется раз в интервал переключения (5 мс), остальные ядра простаивают, а 2 или 4 потока работают столько же, сколько один. Выключите GIL — и на 4 ядрах 4 потока закончат примерно вчетверо быстрее. Отдельные процессы дают то же и с включённым GIL: поставьте PROCESSES в 1, и отсчёт пойдёт в настоящих дочерних процессах, у каждого свой интерпретатор и свой GIL, параллельно на 4 ядрах. Поток io почти всё время спит, словно ждёт ответа по сети; во сне он GIL не держит, а проснувшись, ждёт GIL, прежде чем разобрать ответ. Вкладка GIL на панели диаграмм запускает программу с 1, 2 и 4 потоками, с GIL и без него, на 1 и на 4 ядрах и сравнивает затраченное время.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/GilScenarios.cpp" line="145"/>
        <source>Threads sharing the countdown</source>
        <translation>Потоков, делящих обратный отсчёт</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/GilScenarios.cpp" line="146"/>
        <source>CPU time of the whole countdown (ms)</source>
        <translation>Процессорное время всего отсчёта (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/GilScenarios.cpp" line="147"/>
        <source>Also run the io thread (1 = yes, 0 = no)</source>
        <translation>Запустить ещё и поток io (1 — да, 0 — нет)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/GilScenarios.cpp" line="148"/>
        <source>Each wait of the io thread (ms)</source>
        <translation>Длительность каждого ожидания потока io (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/GilScenarios.cpp" line="149"/>
        <source>Count down in processes instead of threads (1 = processes)</source>
        <translation>Считать в процессах, а не в потоках (1 — процессы)</translation>
    </message>
</context>
</TS>
