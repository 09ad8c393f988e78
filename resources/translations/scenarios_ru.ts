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
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="287"/>
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
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="39"/>
        <source>Threads: start, join, names, daemons</source>
        <translation>Потоки: запуск, join, имена, демоны</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="40"/>
        <source>Races and locks</source>
        <translation>Гонки и блокировки</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="41"/>
        <source>Semaphores, events, conditions, queues</source>
        <translation>Семафоры, события, условия, очереди</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="265"/>
        <source>Semaphore(3): threads enter in groups</source>
        <translation>Semaphore(3): потоки входят группами</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="266"/>
        <source>Seven threads want a Semaphore with three slots and keep it for 2 s. The first three enter at t=0 and the other four block in acquire(); when the three release at t=2, three more enter, and the last one enters at t=4. Never more than three slots are taken. Watch the slot lanes fill and empty in groups.</source>
        <translation>Семь потоков хотят войти в Semaphore с тремя местами и держат его по 2 с. Первые три входят при t=0, остальные четыре блокируются в acquire(); когда в момент t=2 эти три освобождают места, входят ещё три, а последний входит при t=4. Занято никогда не больше трёх мест. Посмотрите, как дорожки мест заполняются и освобождаются группами.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="286"/>
        <source>Semaphore slots</source>
        <translation>Мест в семафоре</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="288"/>
        <source>Time each thread holds a slot (s)</source>
        <translation>Сколько секунд поток держит место</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="296"/>
        <source>BoundedSemaphore: a pool of three connections</source>
        <translation>BoundedSemaphore: пул из трёх соединений</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="297"/>
        <source>Ten clients share a pool of three connections guarded by a BoundedSemaphore(3). Each holds a connection for a random 1-3 s (the seed fixes the draws), so at most three are inside at any moment and a waiting client enters as soon as someone leaves. At the end main releases once more than anyone acquired: a plain Semaphore would quietly grow to four slots, but the bounded one raises ValueError, which main catches and prints.</source>
        <translation>Десять клиентов делят пул из трёх соединений, который охраняет BoundedSemaphore(3). Каждый держит соединение случайное время от 1 до 3 с (выпавшие значения определяются начальным значением генератора), поэтому в любой момент внутри не больше трёх клиентов, а ожидающий клиент входит, как только кто-то выходит. В конце главный поток вызывает release на один раз больше, чем было захватов: обычный Semaphore молча вырос бы до четырёх мест, а ограниченный выбрасывает ValueError, которое главный поток перехватывает и печатает.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="323"/>
        <source>Connections in the pool</source>
        <translation>Соединений в пуле</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="324"/>
        <source>Number of clients</source>
        <translation>Число клиентов</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="325"/>
        <source>Longest time a client holds a connection (s)</source>
        <translation>Наибольшее время удержания соединения (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="333"/>
        <source>Event: one thread waits until another sets it</source>
        <translation>Event: один поток ждёт, пока другой установит событие</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="334"/>
        <source>The waiter calls wait() on an Event that is not set and blocks. The setter works for 2 s, then calls set(): the flag turns on and every waiting thread is woken. The waiter wakes at t=2, exactly when the event is set, and goes on. Unlike a lock, an event stays set, so a later wait() would return at once.</source>
        <translation>Поток waiter вызывает wait() у неустановленного Event и блокируется. Поток setter работает 2 с, затем вызывает set(): флаг включается, и все ожидающие потоки пробуждаются. Waiter просыпается при t=2, ровно в момент установки события, и продолжает работу. В отличие от блокировки, событие остаётся установленным, так что следующий wait() вернулся бы сразу.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="358"/>
        <source>Time before the event is set (s)</source>
        <translation>Время до установки события (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="366"/>
        <source>Condition: a producer and two consumers</source>
        <translation>Condition: производитель и два потребителя</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="367"/>
        <source>A producer appends five items to a list, one every 0.2 s, and calls notify() each time; two consumers take items out, waiting on the condition while the list is empty. wait() lets go of the lock while it waits and takes it back before returning. notify() only makes a waiter ready: before it gets the lock back, the other consumer (just back from handling an item) may take the new item first, and the woken one finds the list empty. That is why the code checks again after waking. (Under round-robin consumer-1 wins every such race.) Nothing tells the consumers that production is over: after the last item both wait forever, and the run ends stuck.</source>
        <translation>Производитель добавляет в список пять элементов, по одному каждые 0,2 с, и каждый раз вызывает notify(); два потребителя забирают элементы и ждут на условии, пока список пуст. На время ожидания wait() отпускает блокировку и снова захватывает её перед возвратом. notify() лишь делает ожидающий поток готовым к работе: пока он не вернул себе блокировку, другой потребитель (только что закончивший обработку элемента) может забрать новый элемент первым, и разбуженный поток находит список пустым. Поэтому после пробуждения код проверяет список ещё раз. (При циклической политике такую гонку всякий раз выигрывает consumer-1.) Никто не сообщает потребителям, что производство закончено: после последнего элемента оба ждут вечно, и прогон заканчивается зависанием.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="406"/>
        <source>Items to produce</source>
        <translation>Сколько элементов произвести</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="407"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="460"/>
        <source>Time to make an item (ms)</source>
        <translation>Время изготовления элемента (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="408"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="461"/>
        <source>Time to handle an item (ms)</source>
        <translation>Время обработки элемента (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="418"/>
        <source>queue.Queue: producers, consumers and None sentinels</source>
        <translation>queue.Queue: производители, потребители и None как сигнал остановки</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="419"/>
        <source>A producer puts ten numbers into a queue.Queue, one every 0.1 s; two consumers take them out and need 0.5 s for each, so items pile up (eight at the peak, counting the two None signals). Every item is taken by exactly one consumer. When the producers are done, main puts one None per consumer as a stop signal, waits in q.join() until every item has had its task_done(), and joins the consumers. With maxsize 0 the queue is unbounded; set it to 5 or 2 and the producer (and main&apos;s None) block in put() while the queue is full, yet the run takes just as long: the consumers set the pace. Watch the queue length over time.</source>
        <translation>Производитель кладёт в queue.Queue десять чисел, по одному каждые 0,1 с; два потребителя забирают их, и на каждое им нужно 0,5 с, поэтому элементы накапливаются (в пике их восемь, считая два сигнала None). Каждый элемент достаётся ровно одному потребителю. Когда производители закончили, главный поток кладёт в очередь по одному None на каждого потребителя как сигнал остановки, ждёт в q.join(), пока для каждого элемента не будет вызван task_done(), и дожидается потребителей. При maxsize 0 очередь не ограничена; задайте 5 или 2, и производитель (а также None от главного потока) будет блокироваться в put(), пока очередь полна, но прогон займёт столько же времени: темп задают потребители. Следите за длиной очереди во времени.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="456"/>
        <source>Queue maxsize (0: unbounded)</source>
        <translation>maxsize очереди (0 — без ограничения)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="457"/>
        <source>Items per producer</source>
        <translation>Элементов на производителя</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="458"/>
        <source>Number of producers</source>
        <translation>Число производителей</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="459"/>
        <source>Number of consumers</source>
        <translation>Число потребителей</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="51"/>
        <source>Start two threads, then join them</source>
        <translation>Запустить два потока и дождаться их</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="52"/>
        <source>The main thread starts two workers that sleep 2 s and 1 s, prints a line and joins both. start() returns at once, so main prints before either worker is done. The shorter sleeper, worker-2, ends at t=1 although it was started second; worker-1 ends at t=2. join() on worker-1 keeps main waiting until t=2, and the join on worker-2 then returns at once because it has already ended.</source>
        <translation>Главный поток запускает два рабочих потока, которые спят 2 с и 1 с, печатает строку и вызывает join для обоих. start() возвращается сразу, поэтому главный поток печатает раньше, чем закончится любой из рабочих. worker-2 спит меньше и заканчивает при t=1, хотя был запущен вторым; worker-1 заканчивает при t=2. join() для worker-1 держит главный поток до t=2, а join для worker-2 после этого возвращается сразу, потому что тот уже завершился.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="74"/>
        <source>Sleep of worker-1 (s)</source>
        <translation>Сон worker-1 (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/ThreadScenarios.cpp" line="75"/>
        <source>Sleep of worker-2 (s)</source>
        <translation>Сон worker-2 (с)</translation>
    </message>
</context>
</TS>
