<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="335"/>
        <source>Start two threads, then join them</source>
        <translation>Запустить два потока и дождаться их</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="336"/>
        <source>The main thread starts two workers that sleep 2 s and 1 s, prints a line and joins both. start() returns at once, so main prints before either worker is done. The shorter sleeper, worker-2, ends at t=1 although it was started second; worker-1 ends at t=2. join() on worker-1 keeps main waiting until t=2, and the join on worker-2 then returns at once because it has already ended.</source>
        <translation>Главный поток запускает два рабочих потока, которые спят 2 с и 1 с, печатает строку и вызывает join для обоих. start() возвращается сразу, поэтому главный поток печатает раньше, чем закончится любой из рабочих. worker-2 спит меньше и заканчивает при t=1, хотя был запущен вторым; worker-1 заканчивает при t=2. join() для worker-1 держит главный поток до t=2, а join для worker-2 после этого возвращается сразу, потому что тот уже завершился.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="358"/>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="516"/>
        <source>Sleep of worker-1 (s)</source>
        <translation>Сон worker-1 (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="359"/>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="517"/>
        <source>Sleep of worker-2 (s)</source>
        <translation>Сон worker-2 (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="366"/>
        <source>Four threads, random sleeps</source>
        <translation>Четыре потока со случайным сном</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="367"/>
        <source>Four workers each draw a sleep of 1 to 10 s with random.randint, print it and sleep. They were started in order 1, 2, 3, 4, but they wake in the order of their sleeps: the shortest sleeper prints first, and workers that drew the same number wake at the same moment. The draws come from the run&apos;s seed: the same seed and policy give the same sleeps every time, another seed gives others. Change the seed and watch the finishing order change.</source>
        <translation>Каждый из четырёх рабочих потоков получает от random.randint время сна от 1 до 10 с, печатает его и засыпает. Потоки запущены по порядку 1, 2, 3, 4, а просыпаются в порядке длительности сна: первым печатает тот, кто спит меньше всех, а потоки с одинаковым числом просыпаются в один и тот же момент. Числа зависят от начального значения генератора: при том же значении и той же политике сон всегда одинаков, при другом значении он другой. Поменяйте начальное значение и посмотрите, как меняется порядок завершения.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="389"/>
        <source>Number of workers</source>
        <translation>Число рабочих потоков</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="390"/>
        <source>Longest sleep (s)</source>
        <translation>Наибольшее время сна (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="397"/>
        <source>Thread names and the current thread</source>
        <translation>Имена потоков и текущий поток</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="398"/>
        <source>Two threads get names of their own, worker and service; two more are created without one, so Python numbers them Thread-1 and Thread-2 (Python 3.10 and later add the target in brackets: Thread-1 (worker)). Every line goes through log(), which asks threading.current_thread() who is printing, the way logging&apos;s %(threadName)s does: the same function prints [worker], [Thread-1] or [MainThread] depending on the thread that calls it. The workers exit at t=2, the service at t=3.</source>
        <translation>Два потока получают собственные имена, worker и service; ещё два создаются без имени, и Python нумерует их сам: Thread-1 и Thread-2 (начиная с Python 3.10 к номеру добавляется имя функции в скобках: Thread-1 (worker)). Каждая строка печатается через log(), которая узнаёт у threading.current_thread(), кто печатает, так же как %(threadName)s в модуле logging: одна и та же функция печатает [worker], [Thread-1] или [MainThread] в зависимости от того, какой поток её вызвал. Рабочие потоки завершаются при t=2, service — при t=3.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="430"/>
        <source>Threads without a name</source>
        <translation>Потоков без имени</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="437"/>
        <source>Daemon threads do not keep the program alive</source>
        <translation>Потоки-демоны не удерживают программу</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="438"/>
        <source>A daemon thread sleeps 2 s; a non-daemon thread prints two lines and ends at once. Python exits when every non-daemon thread has ended and stops the daemons that are still running. In mode 0 nobody waits for the daemon: the program ends at t=0 and the daemon&apos;s &quot;exiting&quot; line never appears. In mode 1, d.join() keeps main until the daemon ends at t=2. In mode 2, d.join(timeout=1) gives up at t=1, is_alive() is still True, and the program ends there with the daemon stopped mid-sleep.</source>
        <translation>Поток-демон спит 2 с; обычный поток (не демон) печатает две строки и сразу завершается. Python выходит, когда завершились все потоки, не являющиеся демонами, и останавливает демонов, которые ещё работают. В режиме 0 демона никто не ждёт: программа заканчивается при t=0, и строка демона «exiting» так и не появляется. В режиме 1 вызов d.join() держит главный поток, пока демон не завершится при t=2. В режиме 2 вызов d.join(timeout=1) прекращает ждать при t=1, is_alive() всё ещё True, и программа на этом заканчивается, а демон останавливается посреди сна.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="469"/>
        <source>Waiting for the daemon (0: none, 1: join(), 2: join(timeout=1))</source>
        <translation>Ожидание демона (0: нет, 1: join(), 2: join(timeout=1))</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="477"/>
        <source>Two workers that sleep 2 s and 1 s, written as a subclass of threading.Thread. The constructor passes the name on to Thread and keeps its own argument, the sleep; run() takes the place of the target function, and start() calls it in the new thread. Set subclass to 0 and the same program runs with Thread(target=work, args=...) instead: the timeline, the printed lines and the times do not change, only the highlighted lines do. worker-2 ends at t=1, worker-1 and main at t=2.</source>
        <translation>Два рабочих потока, которые спят 2 с и 1 с, записанные как подкласс threading.Thread. Конструктор передаёт имя в Thread и сохраняет свой аргумент — время сна; run() занимает место целевой функции, а start() вызывает его в новом потоке. Задайте subclass равным 0, и та же программа пойдёт через Thread(target=work, args=...): временная диаграмма, напечатанные строки и моменты времени не меняются, меняются только подсвеченные строки кода. worker-2 завершается при t=1, worker-1 и главный поток — при t=2.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="515"/>
        <source>Form (1: Thread subclass, 0: target function)</source>
        <translation>Форма (1: подкласс Thread, 0: целевая функция)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="476"/>
        <source>A Thread subclass with its own run()</source>
        <translation>Подкласс Thread со своим run()</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="524"/>
        <source>Thread-local data</source>
        <translation>Локальные данные потока</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="525"/>
        <source>One threading.local() object, data, is shared by every thread, yet each thread sees only the value it stored itself. Main stores 1000. Each worker starts with no value at all (reading it raises AttributeError), stores its own number times 10 and sleeps 1 s, so the other workers store theirs in between; after the sleep it still reads its own value. At the end main still reads 1000: no worker&apos;s store reached it.</source>
        <translation>Один объект threading.local(), data, доступен всем потокам, но каждый поток видит только то значение, которое записал сам. Главный поток записывает 1000. Каждый рабочий поток начинает вовсе без значения (чтение вызывает AttributeError), записывает свой номер, умноженный на 10, и спит 1 с, а тем временем остальные записывают свои значения; после сна он по-прежнему читает своё. В конце главный поток всё так же читает 1000: ни одна запись рабочих потоков до него не дошла.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="557"/>
        <source>Number of threads</source>
        <translation>Число потоков</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="564"/>
        <source>Two timers, one cancelled</source>
        <translation>Два таймера, один отменён</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="565"/>
        <source>threading.Timer is a thread that waits, then calls a function. Main starts two 3 s timers, t1 and t2, sleeps 2 s and cancels t2. t2 has not fired yet, so it never will: its thread ends at t=2 without calling fire(). t1 is left alone and fires at t=3, after main has already printed &quot;done&quot;; the program ends then. Make the cancel come later than the interval and both timers fire: cancel() only stops a timer that is still waiting.</source>
        <translation>threading.Timer — это поток, который ждёт, а потом вызывает функцию. Главный поток запускает два таймера на 3 с, t1 и t2, спит 2 с и отменяет t2. t2 ещё не сработал и теперь уже не сработает: его поток завершается при t=2, не вызвав fire(). t1 никто не трогает, и он срабатывает при t=3, когда главный поток уже напечатал «done»; тогда же заканчивается программа. Если отменить позже, чем истекает интервал, сработают оба таймера: cancel() останавливает только таймер, который ещё ждёт.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="587"/>
        <source>Interval of both timers (s)</source>
        <translation>Интервал обоих таймеров (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="588"/>
        <source>Time before t2 is cancelled (s)</source>
        <translation>Время до отмены t2 (с)</translation>
    </message>
</context>
</TS>
