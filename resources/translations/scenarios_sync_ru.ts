<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/SyncScenarios.cpp" line="287"/>
        <source>Number of threads</source>
        <translation>Число потоков</translation>
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
</context>
</TS>
