<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="512"/>
        <source>Race: add one vs double</source>
        <translation>Гонка: прибавить единицу или удвоить</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="513"/>
        <source>x starts at 2. T1 adds 1 to it, T2 doubles it; each reads x and then writes a new value, and a context switch may fall between the two. Run one after the other they give 6 (add, then double) or 5 (double, then add). When both read 2 before either writes, the later write wipes out the earlier one and x ends at 3 or 4: a lost update. The random policy shows it with the default seed; change the seed to see the other outcomes, or use round-robin to see a serial order.</source>
        <translation>Вначале x равно 2. T1 прибавляет к нему 1, T2 удваивает; каждый поток сначала читает x, потом записывает новое значение, и между этими двумя действиями может случиться переключение контекста. Если потоки выполняются по очереди, получается 6 (сначала прибавить, потом удвоить) или 5 (сначала удвоить, потом прибавить). Если же оба прочитают 2 до того, как кто-то из них запишет результат, более поздняя запись затрёт более раннюю, и x окажется равен 3 или 4: обновление потеряно. Случайная политика с начальным значением по умолчанию показывает именно это; смените начальное значение генератора, чтобы увидеть другие исходы, или выберите циклическую политику, чтобы увидеть последовательный порядок.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="538"/>
        <source>Initial value of x</source>
        <translation>Начальное значение x</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="547"/>
        <source>Lost update: read, sleep, write</source>
        <translation>Потерянное обновление: чтение, пауза, запись</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="548"/>
        <source>Two threads add 10 and 20 to a shared counter. Each reads the counter, sleeps a little, then writes back what it read plus its amount. The sleep hands the processor to the other thread between the read and the write, so both read 0 and one write overwrites the other: the counter ends at 10 or 20, never 30. Watch the context switch between the load and the store.</source>
        <translation>Два потока прибавляют к общему счётчику 10 и 20. Каждый читает счётчик, немного спит, а затем записывает прочитанное значение плюс свою прибавку. Пауза между чтением и записью отдаёт процессор другому потоку, поэтому оба читают 0 и одна запись затирает другую: в итоге счётчик равен 10 или 20, но никогда не 30. Обратите внимание на переключение контекста между чтением и записью.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="568"/>
        <source>Amount added by T1</source>
        <translation>Сколько прибавляет T1</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="569"/>
        <source>Amount added by T2</source>
        <translation>Сколько прибавляет T2</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="570"/>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="603"/>
        <source>Sleep between read and write (ms)</source>
        <translation>Пауза между чтением и записью (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="578"/>
        <source>A Lock makes read-sleep-write safe</source>
        <translation>Lock защищает цепочку «чтение, пауза, запись»</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="579"/>
        <source>The lost-update program again, now with the read, the sleep and the write inside `with lock:`. While one thread holds the lock the others block in acquire, which shows as waiting on the lock; each update starts only after the previous one is written. The counter always ends at the full total (30 for two threads), whatever the schedule. The price: the sleeps no longer overlap, so the run takes one delay per thread.</source>
        <translation>Та же программа с потерянным обновлением, но теперь чтение, пауза и запись находятся внутри `with lock:`. Пока один поток держит блокировку, остальные блокируются в acquire, и это видно как ожидание блокировки; каждое обновление начинается только после того, как записано предыдущее. При любом расписании счётчик в итоге равен полной сумме (30 для двух потоков). Цена этого — паузы больше не перекрываются, и прогон длится по одной паузе на каждый поток.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="602"/>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="657"/>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="886"/>
        <source>Number of threads</source>
        <translation>Число потоков</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="611"/>
        <source>Five threads, one Lock: counting contention</source>
        <translation>Пять потоков, один Lock: считаем конкуренцию</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="612"/>
        <source>Five threads each add 1 to a shared counter 100 times, every update inside `with lock:` and taking 1 ms of CPU time. The counter always ends at 500, under every policy and seed. Before each acquire a thread looks whether the lock is already taken and measures how long the acquire took, and at the end it prints both numbers. Watch the lock lane and the blocked acquires: a Lock is not fair, so a thread that releases it may take it straight back while the woken waiter finds it taken again. Compare round-robin, where one thread at a time runs its whole loop while the others wait, with the random policy, where the lock changes hands often. With pool = 1 the same loops run as tasks of a ThreadPoolExecutor whose workers (T_0 ... T_4) take the threads&apos; place: the total is the same, and so is the contention.</source>
        <translation>Пять потоков по 100 раз прибавляют 1 к общему счётчику; каждое обновление выполняется внутри `with lock:` и занимает 1 мс процессорного времени. При любой политике и любом начальном значении генератора счётчик в итоге равен 500. Перед каждым захватом поток смотрит, не занята ли уже блокировка, и замеряет, сколько длился захват, а в конце печатает оба числа. Следите за дорожкой блокировки и за заблокированными захватами: Lock не обеспечивает очерёдности, поэтому отпустивший его поток может тут же захватить его снова, а разбуженный ожидающий опять находит его занятым. Сравните циклическую политику, при которой один поток проходит весь свой цикл, пока остальные ждут, со случайной, при которой блокировка часто переходит из рук в руки. Если pool = 1, те же циклы выполняются как задачи ThreadPoolExecutor, чьи рабочие потоки (T_0 ... T_4) занимают место потоков: итог тот же, и состязание за блокировку тоже.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="658"/>
        <source>Increments per thread</source>
        <translation>Прибавлений на поток</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="659"/>
        <source>CPU time of one update, lock held (ms)</source>
        <translation>Процессорное время одного обновления под блокировкой (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="660"/>
        <source>Run the loops in a ThreadPoolExecutor (0: no, 1: yes)</source>
        <translation>Выполнять циклы в ThreadPoolExecutor (0: нет, 1: да)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="668"/>
        <source>A point (x, y) written in two steps</source>
        <translation>Точка (x, y), записываемая в два шага</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="669"/>
        <source>W1 keeps setting a point to (1, 1) and W2 to (2, 2), one coordinate at a time; a reader reads x and y and checks that they are equal. With mode 0 (no lock) a context switch can fall between the two writes or the two reads, and the reader sees a torn pair such as (1, 2), or the point even ends up torn; the race detector marks the unordered accesses to x and y. Mode 1 puts both writes and both reads under one Lock: every read is whole and no race is reported. Mode 2 uses an RLock, because set_nested() holds the lock while calling set_x() and set_y(), which take it again: the owner may re-enter an RLock, while a plain Lock would deadlock on itself.</source>
        <translation>W1 раз за разом записывает в точку (1, 1), а W2 — (2, 2), по одной координате за раз; читатель читает x и y и проверяет, что они равны. В режиме 0 (без блокировки) переключение контекста может произойти между двумя записями или между двумя чтениями, и читатель видит рассогласованную пару, например (1, 2), а то и сама точка остаётся рассогласованной в конце; детектор гонок отмечает неупорядоченные обращения к x и y. В режиме 1 обе записи и оба чтения выполняются под одним Lock: каждое чтение видит целую пару, и гонок не обнаруживается. В режиме 2 используется RLock, потому что set_nested() держит блокировку и при этом вызывает set_x() и set_y(), которые захватывают её ещё раз: владелец может повторно войти в RLock, а обычный Lock заблокировал бы поток сам на себе.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="728"/>
        <source>Mode (0: no lock, 1: Lock, 2: RLock)</source>
        <translation>Режим (0: без блокировки, 1: Lock, 2: RLock)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="729"/>
        <source>Times each writer sets the point</source>
        <translation>Сколько раз каждый писатель задаёт точку</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="730"/>
        <source>Times the reader reads it</source>
        <translation>Сколько раз читатель её читает</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="739"/>
        <source>acquire(blocking=False): try, and do not wait</source>
        <translation>acquire(blocking=False): попробовать и не ждать</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="740"/>
        <source>A daemon holder takes the lock for 0.5 s, leaves it free for 0.5 s, and so on. A worker tries acquire(blocking=False) every 0.5 s until it has succeeded three times: each try returns at once, False while the holder is inside and True between its holds. The worker starts while the holder has the lock, so its first try always fails and it needs more than three tries. How many more depends on who goes first when both wake at the same instant, and that is the policy&apos;s choice: round-robin lets the holder go first every time, the random policy changes with the seed. When the worker is done, main ends and the daemon holder stops with it.</source>
        <translation>Поток-демон holder захватывает блокировку на 0,5 с, потом на 0,5 с оставляет её свободной, и так далее. Рабочий поток каждые 0,5 с вызывает acquire(blocking=False), пока не добьётся успеха три раза: каждая попытка возвращается сразу — False, пока holder держит блокировку, и True в промежутках между его захватами. Рабочий поток начинает, когда блокировка уже у holder, поэтому первая попытка всегда неудачна и попыток нужно больше трёх. Сколько именно, зависит от того, кто пойдёт первым, когда оба просыпаются в один и тот же момент, а это решает политика: циклическая каждый раз пропускает holder вперёд, у случайной всё зависит от начального значения генератора. Когда рабочий поток закончил, главный поток завершается, и демон holder останавливается вместе с ним.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="779"/>
        <source>Successful tries the worker needs</source>
        <translation>Сколько удачных попыток нужно рабочему потоку</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="780"/>
        <source>Holder: time with and without the lock (ms)</source>
        <translation>Holder: время с блокировкой и без неё (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="781"/>
        <source>Worker: time between tries (ms)</source>
        <translation>Рабочий поток: время между попытками (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="789"/>
        <source>Lock vs RLock: acquiring twice</source>
        <translation>Lock и RLock: повторный захват</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="790"/>
        <source>One thread acquires a lock and then tries again without blocking. A plain Lock does not record who holds it, so the second try fails even for its own holder (a blocking second acquire would hang the thread for good: see the self-deadlock scenario). An RLock remembers its owner and counts: the second acquire succeeds, the recursion count becomes 2, and the RLock is free only after two releases.</source>
        <translation>Поток захватывает блокировку, а затем пытается захватить её ещё раз без ожидания. Обычный Lock не запоминает, кто его держит, поэтому вторая попытка не удаётся даже тому, кто его уже захватил (блокирующий повторный захват подвесил бы поток навсегда — см. сценарий взаимоблокировки с самим собой). RLock помнит владельца и ведёт счёт: второй захват удаётся, счётчик рекурсии становится равен 2, и RLock освобождается только после двух вызовов release.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="817"/>
        <source>Deadlock: two locks taken in opposite orders</source>
        <translation>Взаимоблокировка: две блокировки в разном порядке</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="818"/>
        <source>T1 takes lock_a and then lock_b; T2 takes lock_b and then lock_a. The sleep in between lets each take its first lock before either asks for its second, so T1 waits for lock_b, held by T2, and T2 waits for lock_a, held by T1. Neither can go on: the wait-for cycle T1 -&gt; lock_b -&gt; T2 -&gt; lock_a -&gt; T1 is detected and the run ends in deadlock, with main stuck in join(). Set the delay to 0 and try the random policy with several seeds: without the sleep some schedules slip through and some deadlock.</source>
        <translation>T1 захватывает lock_a, затем lock_b; T2 захватывает lock_b, затем lock_a. Пауза между захватами позволяет каждому взять первую блокировку раньше, чем кто-либо попросит вторую, поэтому T1 ждёт lock_b, которую держит T2, а T2 ждёт lock_a, которую держит T1. Ни один не может продолжить: обнаруживается цикл ожидания T1 -&gt; lock_b -&gt; T2 -&gt; lock_a -&gt; T1, и прогон заканчивается взаимоблокировкой, а главный поток навсегда застревает в join(). Установите паузу 0 и попробуйте случайную политику с разными начальными значениями: без паузы одни расписания проскакивают, а другие заканчиваются взаимоблокировкой.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="853"/>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="887"/>
        <source>Sleep between the two acquires (ms)</source>
        <translation>Пауза между двумя захватами (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="861"/>
        <source>No deadlock: one global lock order</source>
        <translation>Без взаимоблокировки: единый порядок захвата</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="862"/>
        <source>The cure for the two-lock deadlock: every thread takes lock_a first and lock_b second, and releases them in the reverse order. A thread that holds lock_b already holds lock_a, so no one can hold lock_b while waiting for lock_a and no wait-for cycle can form. Threads queue on lock_a instead; under any policy and any seed the run finishes.</source>
        <translation>Лекарство от взаимоблокировки на двух замках: каждый поток сначала захватывает lock_a, потом lock_b, а освобождает их в обратном порядке. Поток, который держит lock_b, уже держит и lock_a, поэтому никто не может держать lock_b, ожидая lock_a, и цикл ожидания не возникает. Вместо этого потоки выстраиваются в очередь к lock_a; при любой политике и любом начальном значении прогон завершается.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="895"/>
        <source>Deadlock with yourself: a Lock acquired twice</source>
        <translation>Взаимоблокировка с самим собой: Lock захвачен дважды</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/RaceScenarios.cpp" line="896"/>
        <source>T1 acquires a plain Lock and then acquires it again, blocking. A Lock has no owner, so it does not see that the thread asking is the one holding it: T1 waits for a release only T1 could make. The wait-for graph has a cycle of one thread (T1 -&gt; lock -&gt; T1), which is detected; main waits in join() for good. An RLock would have let T1 in.</source>
        <translation>T1 захватывает обычный Lock, а затем захватывает его снова, с ожиданием. У Lock нет владельца, и он не видит, что просит тот же поток, который его держит: T1 ждёт освобождения, которое может сделать только сам T1. В графе ожидания появляется цикл из одного потока (T1 -&gt; lock -&gt; T1), и он обнаруживается; главный поток навсегда остаётся в join(). RLock пропустил бы T1.</translation>
    </message>
</context>
</TS>
