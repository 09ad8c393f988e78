<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="569"/>
        <source>Number of threads</source>
        <translation>Число потоков</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="547"/>
        <source>Semaphore(3): threads enter in groups</source>
        <translation>Semaphore(3): потоки входят группами</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="548"/>
        <source>Seven threads want a Semaphore with three slots and keep it for 2 s. The first three enter at t=0 and the other four block in acquire(); when the three release at t=2, three more enter, and the last one enters at t=4. Never more than three slots are taken. Watch the slot lanes fill and empty in groups.</source>
        <translation>Семь потоков хотят войти в Semaphore с тремя местами и держат его по 2 с. Первые три входят при t=0, остальные четыре блокируются в acquire(); когда в момент t=2 эти три освобождают места, входят ещё три, а последний входит при t=4. Занято никогда не больше трёх мест. Посмотрите, как дорожки мест заполняются и освобождаются группами.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="568"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="653"/>
        <source>Semaphore slots</source>
        <translation>Мест в семафоре</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="570"/>
        <source>Time each thread holds a slot (s)</source>
        <translation>Сколько секунд поток держит место</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="578"/>
        <source>BoundedSemaphore: a pool of three connections</source>
        <translation>BoundedSemaphore: пул из трёх соединений</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="579"/>
        <source>Ten clients share a pool of three connections guarded by a BoundedSemaphore(3). Each holds a connection for a random 1-3 s (the seed fixes the draws), so at most three are inside at any moment and a waiting client enters as soon as someone leaves. At the end main releases once more than anyone acquired: a plain Semaphore would quietly grow to four slots, but the bounded one raises ValueError, which main catches and prints.</source>
        <translation>Десять клиентов делят пул из трёх соединений, который охраняет BoundedSemaphore(3). Каждый держит соединение случайное время от 1 до 3 с (выпавшие значения определяются начальным значением генератора), поэтому в любой момент внутри не больше трёх клиентов, а ожидающий клиент входит, как только кто-то выходит. В конце главный поток вызывает release на один раз больше, чем было захватов: обычный Semaphore молча вырос бы до четырёх мест, а ограниченный выбрасывает ValueError, которое главный поток перехватывает и печатает.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="605"/>
        <source>Connections in the pool</source>
        <translation>Соединений в пуле</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="606"/>
        <source>Number of clients</source>
        <translation>Число клиентов</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="607"/>
        <source>Longest time a client holds a connection (s)</source>
        <translation>Наибольшее время удержания соединения (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="615"/>
        <source>Semaphore(2) and a list of active workers</source>
        <translation>Semaphore(2) и список активных рабочих</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="616"/>
        <source>Four workers share a Semaphore(2). Inside it each adds its name to a list of active workers, works for a random 1-3 s and removes its name again; a Lock guards the list, and every change prints it. The two tools do different jobs: the semaphore limits how many workers are inside at once, the lock keeps two changes of the list from mixing. Since a worker leaves the list before it gives its slot back, the printed list never holds more than two names. Watch the slot lanes and the short holds of the lock.</source>
        <translation>Четыре рабочих потока делят Semaphore(2). Войдя в него, каждый добавляет своё имя в список активных, работает случайное время от 1 до 3 с и снова убирает имя; список охраняет Lock, и после каждого изменения список печатается. У этих двух средств разные задачи: семафор ограничивает, сколько рабочих одновременно внутри, а блокировка не даёт двум изменениям списка перемешаться. Рабочий уходит из списка раньше, чем возвращает своё место в семафоре, поэтому в напечатанном списке никогда не бывает больше двух имён. Следите за дорожками мест семафора и за короткими захватами блокировки.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="654"/>
        <source>Number of workers</source>
        <translation>Число рабочих потоков</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="655"/>
        <source>Longest time a worker works (s)</source>
        <translation>Наибольшее время работы (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="663"/>
        <source>Event: one thread waits until another sets it</source>
        <translation>Event: один поток ждёт, пока другой установит событие</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="664"/>
        <source>The waiter calls wait() on an Event that is not set and blocks. The setter works for 2 s, then calls set(): the flag turns on and every waiting thread is woken. The waiter wakes at t=2, exactly when the event is set, and goes on. Unlike a lock, an event stays set, so a later wait() would return at once.</source>
        <translation>Поток waiter вызывает wait() у неустановленного Event и блокируется. Поток setter работает 2 с, затем вызывает set(): флаг включается, и все ожидающие потоки пробуждаются. Waiter просыпается при t=2, ровно в момент установки события, и продолжает работу. В отличие от блокировки, событие остаётся установленным, так что следующий wait() вернулся бы сразу.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="688"/>
        <source>Time before the event is set (s)</source>
        <translation>Время до установки события (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="696"/>
        <source>Event.wait with a timeout</source>
        <translation>Event.wait с тайм-аутом</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="697"/>
        <source>Two threads wait for the same Event, which main sets at t=3. The patient one calls wait() with no timeout and simply blocks. The impatient one calls wait(timeout=2) in a loop: at t=2 the wait gives up and returns False, the thread does 0.5 s of other work and waits again. When the event is set at t=3 both wake at the same instant and wait() returns True. Watch the impatient thread&apos;s wait end at t=2 with a timeout and its second wait end early, at t=3.</source>
        <translation>Два потока ждут одно и то же событие Event, которое главный поток устанавливает при t=3. Терпеливый вызывает wait() без тайм-аута и просто блокируется. Нетерпеливый вызывает wait(timeout=2) в цикле: при t=2 ожидание прекращается и возвращает False, поток 0,5 с занимается другой работой и снова ждёт. Когда при t=3 событие устанавливается, оба просыпаются в один и тот же момент, и wait() возвращает True. Обратите внимание: первое ожидание нетерпеливого потока заканчивается при t=2 по тайм-ауту, а второе — раньше срока, при t=3.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="725"/>
        <source>Timeout of the impatient wait (s)</source>
        <translation>Тайм-аут нетерпеливого ожидания (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="726"/>
        <source>Time when main sets the event (s)</source>
        <translation>Когда главный поток устанавливает событие (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="727"/>
        <source>Other work after a timeout (ms)</source>
        <translation>Другая работа после тайм-аута (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="735"/>
        <source>Condition: a producer and two consumers</source>
        <translation>Condition: производитель и два потребителя</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="736"/>
        <source>A producer appends five items to a list, one every 0.2 s, and calls notify() each time; two consumers take items out, waiting on the condition while the list is empty. wait() lets go of the lock while it waits and takes it back before returning. notify() only makes a waiter ready: before it gets the lock back, the other consumer (just back from handling an item) may take the new item first, and the woken one finds the list empty. That is why the code checks again after waking. (Under round-robin consumer-1 wins every such race.) Nothing tells the consumers that production is over: after the last item both wait forever, and the run ends stuck.</source>
        <translation>Производитель добавляет в список пять элементов, по одному каждые 0,2 с, и каждый раз вызывает notify(); два потребителя забирают элементы и ждут на условии, пока список пуст. На время ожидания wait() отпускает блокировку и снова захватывает её перед возвратом. notify() лишь делает ожидающий поток готовым к работе: пока он не вернул себе блокировку, другой потребитель (только что закончивший обработку элемента) может забрать новый элемент первым, и разбуженный поток находит список пустым. Поэтому после пробуждения код проверяет список ещё раз. (При циклической политике такую гонку всякий раз выигрывает consumer-1.) Никто не сообщает потребителям, что производство закончено: после последнего элемента оба ждут вечно, и прогон заканчивается зависанием.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="775"/>
        <source>Items to produce</source>
        <translation>Сколько элементов произвести</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="776"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="895"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="946"/>
        <source>Time to make an item (ms)</source>
        <translation>Время изготовления элемента (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="777"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="896"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="947"/>
        <source>Time to handle an item (ms)</source>
        <translation>Время обработки элемента (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="787"/>
        <source>Condition.notify_all wakes every waiter</source>
        <translation>Condition.notify_all будит всех ожидающих</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="788"/>
        <source>Two consumers take the condition&apos;s lock, find the resource not yet available and wait on the condition from t=0; wait() lets go of the lock, so both can wait at once. At t=4 the producer marks the resource available and calls notify_all(): both consumers wake at t=4, then take the lock back one after the other and go on. Set the wake-all parameter to 0 and the producer calls notify() instead: it wakes only one consumer, the other waits forever and the run ends stuck.</source>
        <translation>Два потребителя захватывают блокировку условной переменной, видят, что ресурс ещё не готов, и с t=0 ждут на условии; wait() отпускает блокировку, поэтому ждать могут оба сразу. При t=4 производитель отмечает ресурс как готовый и вызывает notify_all(): оба потребителя просыпаются при t=4, затем по очереди снова захватывают блокировку и продолжают работу. Если задать параметр «Будить всех» равным 0, производитель вызовет notify(): он разбудит только одного потребителя, другой будет ждать вечно, и прогон закончится зависанием.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="824"/>
        <source>Wake all (1: notify_all, 0: notify)</source>
        <translation>Будить всех (1: notify_all, 0: notify)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="826"/>
        <source>Time before the producer notifies (s)</source>
        <translation>Время до уведомления от производителя (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="834"/>
        <source>A bounded buffer from one RLock and two Conditions</source>
        <translation>Ограниченный буфер из одного RLock и двух Condition</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="835"/>
        <source>A buffer of five places built by hand, the way queue.Queue is built inside: one RLock and two conditions on it, not_full and not_empty. put() waits on not_full while the buffer is full and then wakes a consumer through not_empty; get() waits on not_empty while it is empty and then wakes a producer through not_full. Two producers make an item every 0.1 s, two consumers need 0.5 s for each: at first the consumers wait on an empty buffer, soon the producers wait on a full one. Every item is taken exactly once, and a None per consumer stops them. The lock is an RLock because put() and get() call len(self), which takes it again.</source>
        <translation>Буфер на пять мест, собранный вручную так же, как queue.Queue устроена внутри: один RLock и две условные переменные на нём, not_full и not_empty. put() ждёт на not_full, пока буфер полон, а затем через not_empty будит потребителя; get() ждёт на not_empty, пока буфер пуст, а затем через not_full будит производителя. Два производителя делают по элементу каждые 0,1 с, а двум потребителям на каждый элемент нужно 0,5 с: сначала потребители ждут на пустом буфере, вскоре производители ждут на полном. Каждый элемент забирается ровно один раз, а по одному None на потребителя останавливает их. Блокировка — RLock, потому что put() и get() вызывают len(self), который захватывает её ещё раз.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="891"/>
        <source>Places in the buffer</source>
        <translation>Мест в буфере</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="904"/>
        <source>queue.Queue: producers, consumers and None sentinels</source>
        <translation>queue.Queue: производители, потребители и None как сигнал остановки</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="905"/>
        <source>A producer puts ten numbers into a queue.Queue, one every 0.1 s; two consumers take them out and need 0.5 s for each, so items pile up (eight at the peak, counting the two None signals). Every item is taken by exactly one consumer. When the producers are done, main puts one None per consumer as a stop signal, waits in q.join() until every item has had its task_done(), and joins the consumers. With maxsize 0 the queue is unbounded; set it to 5 or 2 and the producer (and main&apos;s None) block in put() while the queue is full, yet the run takes just as long: the consumers set the pace. Watch the queue length over time.</source>
        <translation>Производитель кладёт в queue.Queue десять чисел, по одному каждые 0,1 с; два потребителя забирают их, и на каждое им нужно 0,5 с, поэтому элементы накапливаются (в пике их восемь, считая два сигнала None). Каждый элемент достаётся ровно одному потребителю. Когда производители закончили, главный поток кладёт в очередь по одному None на каждого потребителя как сигнал остановки, ждёт в q.join(), пока для каждого элемента не будет вызван task_done(), и дожидается потребителей. При maxsize 0 очередь не ограничена; задайте 5 или 2, и производитель (а также None от главного потока) будет блокироваться в put(), пока очередь полна, но прогон займёт столько же времени: темп задают потребители. Следите за длиной очереди во времени.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="942"/>
        <source>Queue maxsize (0: unbounded)</source>
        <translation>maxsize очереди (0 — без ограничения)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="892"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="943"/>
        <source>Items per producer</source>
        <translation>Элементов на производителя</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="893"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="944"/>
        <source>Number of producers</source>
        <translation>Число производителей</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="825"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="894"/>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="945"/>
        <source>Number of consumers</source>
        <translation>Число потребителей</translation>
    </message>
</context>
</TS>
