<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="347"/>
        <source>Starting and joining processes</source>
        <translation>Запуск и ожидание процессов</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="348"/>
        <source>Three child processes, each a real OS process with its own pid (the lane names show it, and so does `ps` while the run is paused): one started from a function, one from a Process subclass that overrides run(), and a daemon watcher. Each prints its pid and its parent&apos;s pid, which is the pid of the main process. join() waits for a child to end, and exitcode is 0 once it has returned. The daemon is not joined: when the main process ends, it is killed with it.</source>
        <translation>Три дочерних процесса, каждый — настоящий процесс ОС со своим pid (его видно в названиях дорожек, а пока запуск на паузе — и в `ps`): один запущен из функции, другой — из подкласса Process, переопределяющего run(), третий — демон-наблюдатель. Каждый печатает свой pid и pid родителя, то есть главного процесса. join() ждёт, пока дочерний процесс закончится, и после этого exitcode равен 0. Демона никто не ждёт: когда главный процесс заканчивается, демон завершается вместе с ним.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="382"/>
        <source>The worker&apos;s sleep (s)</source>
        <translation>Сон worker (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="383"/>
        <source>The Sleeper subclass&apos;s sleep (s)</source>
        <translation>Сон подкласса Sleeper (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="384"/>
        <source>The daemon watcher&apos;s sleep (s)</source>
        <translation>Сон демона watcher (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="392"/>
        <source>Two processes talking over a Pipe</source>
        <translation>Два процесса общаются через Pipe</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="393"/>
        <source>A sender process sends a message every second over a Pipe, then None to say it is done; a receiver process waits in recv(). The receiver is blocked until each message arrives; the arrows on the timeline go from each send to the recv that took it. The two processes share no memory: every message is copied from one to the other.</source>
        <translation>Процесс-отправитель раз в секунду посылает сообщение через Pipe, а в конце — None в знак того, что больше ничего не будет; процесс-получатель ждёт в recv(). Получатель заблокирован, пока очередное сообщение не придёт; стрелки на временной шкале идут от каждого send к забравшему его recv. Общей памяти у процессов нет: каждое сообщение копируется из одного в другой.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="424"/>
        <source>Messages to send</source>
        <translation>Сколько сообщений отправить</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="432"/>
        <source>Producer and consumers over a process Queue</source>
        <translation>Производитель и потребители с очередью процессов</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="433"/>
        <source>A producer process puts an item on a multiprocessing.Queue every half second, then one None per consumer; two consumer processes take items and spend a while on each. Every item arrives once, in the order it was put; a consumer stops at its None. Each arrow on the timeline is one item going from the producer to the consumer that got it.</source>
        <translation>Процесс-производитель каждые полсекунды кладёт элемент в multiprocessing.Queue, а в конце — по одному None на каждого потребителя; два процесса-потребителя забирают элементы и тратят на каждый некоторое время. Каждый элемент приходит ровно один раз и в том порядке, в каком его положили; потребитель останавливается на своём None. Каждая стрелка на временной шкале — один элемент, переданный от производителя тому потребителю, который его получил.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="467"/>
        <source>Items to produce</source>
        <translation>Сколько элементов произвести</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="468"/>
        <source>Consumer processes</source>
        <translation>Процессов-потребителей</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="469"/>
        <source>Time a consumer spends on an item (ms)</source>
        <translation>Время потребителя на один элемент (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="477"/>
        <source>Shared memory: Value and Array (and a plain global)</source>
        <translation>Общая память: Value и Array (и обычная глобальная переменная)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="478"/>
        <source>Ten processes each add 100 to a multiprocessing.Value under its lock, and three more each double one item of a multiprocessing.Array. Both live in real shared memory, so the parent reads 1000 and [20.0, 40.0, 60.0] afterwards. Each child also adds to a plain global variable, but that changes only the child&apos;s own copy: the parent&apos;s stays 0, because processes do not share memory unless asked to. Turn the lock off and try the Random policy: two processes read the same value, and one update is lost.</source>
        <translation>Десять процессов прибавляют по 100 к multiprocessing.Value под его блокировкой, а ещё три удваивают каждый свой элемент multiprocessing.Array. Оба объекта лежат в настоящей общей памяти, поэтому родитель потом читает 1000 и [20.0, 40.0, 60.0]. Каждый дочерний процесс прибавляет и к обычной глобальной переменной, но меняет лишь свою копию: у родителя она остаётся 0, потому что процессы не делят память, пока их об этом не попросят. Выключите блокировку и выберите политику Random: два процесса прочитают одно и то же значение, и одно обновление потеряется.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="511"/>
        <source>Processes adding to the value</source>
        <translation>Процессов, прибавляющих к значению</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="512"/>
        <source>What each one adds</source>
        <translation>Сколько прибавляет каждый</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="513"/>
        <source>Use the value&apos;s lock (1 = yes, 0 = no)</source>
        <translation>Брать блокировку значения (1 — да, 0 — нет)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="521"/>
        <source>A manager&apos;s shared dict and list</source>
        <translation>Общие dict и list менеджера</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="522"/>
        <source>A Manager starts a server process that holds a dict and a list in its own memory. Three processes each set one key of the dict and three more each append to the list, through proxies: every operation is a request to the manager process and an answer back (the arrows on the timeline). The parent, reading through its own proxies, sees every change the children made. Leaving the with block shuts the manager down.</source>
        <translation>Manager запускает процесс-сервер, который хранит dict и list в своей собственной памяти. Три процесса задают по одному ключу словаря, ещё три добавляют по элементу в список — через прокси: каждая операция — это запрос процессу менеджера и ответ от него (стрелки на временной шкале). Родитель, читая через свои прокси, видит все изменения, сделанные дочерними процессами. Выход из блока with останавливает менеджер.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="549"/>
        <source>Processes writing the dict (and as many the list)</source>
        <translation>Процессов, пишущих в dict (и столько же — в list)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="557"/>
        <source>A pool of processes: map and apply_async</source>
        <translation>Пул процессов: map и apply_async</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="558"/>
        <source>A Pool of two worker processes (the processes parameter gives 4 as well) squares the numbers 1 to 6 with map(), then one more with apply_async(). The tasks take unequal times, so the workers finish them out of order and each worker does several: the Get arrows from the pool&apos;s task queue show which worker took which task. map() still returns the results in the order of its input, and get() waits for the apply_async result.</source>
        <translation>Pool из двух рабочих процессов (параметр processes позволяет взять и 4) возводит в квадрат числа от 1 до 6 с помощью map(), а затем ещё одно — с помощью apply_async(). Задачи занимают разное время, поэтому процессы заканчивают их не по порядку и каждый выполняет несколько: стрелки Get из очереди задач пула показывают, какой процесс взял какую задачу. Тем не менее map() возвращает результаты в порядке входных данных, а get() ждёт результата apply_async.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="578"/>
        <source>Worker processes in the pool</source>
        <translation>Рабочих процессов в пуле</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ProcessScenarios.cpp" line="579"/>
        <source>Numbers to square with map</source>
        <translation>Сколько чисел возвести в квадрат через map</translation>
    </message>
</context>
</TS>
