<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="261"/>
        <source>Starting and joining processes</source>
        <translation>Запуск и ожидание процессов</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="262"/>
        <source>Three child processes, each a real OS process with its own pid (the lane names show it, and so does `ps` while the run is paused): one started from a function, one from a Process subclass that overrides run(), and a daemon watcher. Each prints its pid and its parent&apos;s pid, which is the pid of the main process. join() waits for a child to end, and exitcode is 0 once it has returned. The daemon is not joined: when the main process ends, it is killed with it.</source>
        <translation>Три дочерних процесса, каждый — настоящий процесс ОС со своим pid (его видно в названиях дорожек, а пока запуск на паузе — и в `ps`): один запущен из функции, другой — из подкласса Process, переопределяющего run(), третий — демон-наблюдатель. Каждый печатает свой pid и pid родителя, то есть главного процесса. join() ждёт, пока дочерний процесс закончится, и после этого exitcode равен 0. Демона никто не ждёт: когда главный процесс заканчивается, демон завершается вместе с ним.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="296"/>
        <source>The worker&apos;s sleep (s)</source>
        <translation>Сон worker (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="297"/>
        <source>The Sleeper subclass&apos;s sleep (s)</source>
        <translation>Сон подкласса Sleeper (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="298"/>
        <source>The daemon watcher&apos;s sleep (s)</source>
        <translation>Сон демона watcher (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="306"/>
        <source>Two processes talking over a Pipe</source>
        <translation>Два процесса общаются через Pipe</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="307"/>
        <source>A sender process sends a message every second over a Pipe, then None to say it is done; a receiver process waits in recv(). The receiver is blocked until each message arrives; the arrows on the timeline go from each send to the recv that took it. The two processes share no memory: every message is copied from one to the other.</source>
        <translation>Процесс-отправитель раз в секунду посылает сообщение через Pipe, а в конце — None в знак того, что больше ничего не будет; процесс-получатель ждёт в recv(). Получатель заблокирован, пока очередное сообщение не придёт; стрелки на временной шкале идут от каждого send к забравшему его recv. Общей памяти у процессов нет: каждое сообщение копируется из одного в другой.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="338"/>
        <source>Messages to send</source>
        <translation>Сколько сообщений отправить</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="346"/>
        <source>Producer and consumers over a process Queue</source>
        <translation>Производитель и потребители с очередью процессов</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="347"/>
        <source>A producer process puts an item on a multiprocessing.Queue every half second, then one None per consumer; two consumer processes take items and spend a while on each. Every item arrives once, in the order it was put; a consumer stops at its None. Each arrow on the timeline is one item going from the producer to the consumer that got it.</source>
        <translation>Процесс-производитель каждые полсекунды кладёт элемент в multiprocessing.Queue, а в конце — по одному None на каждого потребителя; два процесса-потребителя забирают элементы и тратят на каждый некоторое время. Каждый элемент приходит ровно один раз и в том порядке, в каком его положили; потребитель останавливается на своём None. Каждая стрелка на временной шкале — один элемент, переданный от производителя тому потребителю, который его получил.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="381"/>
        <source>Items to produce</source>
        <translation>Сколько элементов произвести</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="382"/>
        <source>Consumer processes</source>
        <translation>Процессов-потребителей</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="383"/>
        <source>Time a consumer spends on an item (ms)</source>
        <translation>Время потребителя на один элемент (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="391"/>
        <source>Shared memory: Value and Array (and a plain global)</source>
        <translation>Общая память: Value и Array (и обычная глобальная переменная)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="392"/>
        <source>Ten processes each add 100 to a multiprocessing.Value under its lock, and three more each double one item of a multiprocessing.Array. Both live in real shared memory, so the parent reads 1000 and [20.0, 40.0, 60.0] afterwards. Each child also adds to a plain global variable, but that changes only the child&apos;s own copy: the parent&apos;s stays 0, because processes do not share memory unless asked to. Turn the lock off and try the Random policy: two processes read the same value, and one update is lost.</source>
        <translation>Десять процессов прибавляют по 100 к multiprocessing.Value под его блокировкой, а ещё три удваивают каждый свой элемент multiprocessing.Array. Оба объекта лежат в настоящей общей памяти, поэтому родитель потом читает 1000 и [20.0, 40.0, 60.0]. Каждый дочерний процесс прибавляет и к обычной глобальной переменной, но меняет лишь свою копию: у родителя она остаётся 0, потому что процессы не делят память, пока их об этом не попросят. Выключите блокировку и выберите политику Random: два процесса прочитают одно и то же значение, и одно обновление потеряется.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="425"/>
        <source>Processes adding to the value</source>
        <translation>Процессов, прибавляющих к значению</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="426"/>
        <source>What each one adds</source>
        <translation>Сколько прибавляет каждый</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="427"/>
        <source>Use the value&apos;s lock (1 = yes, 0 = no)</source>
        <translation>Брать блокировку значения (1 — да, 0 — нет)</translation>
    </message>
</context>
</TS>
