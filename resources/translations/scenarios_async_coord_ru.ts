<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="453"/>
        <source>asyncio.wait: take the first result, cancel the rest</source>
        <translation>asyncio.wait: взять первый результат, отменить остальные</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="454"/>
        <source>Two tasks fetch something: one needs 5 s, the other 2 s. main waits for them with asyncio.wait(return_when=FIRST_COMPLETED), which returns as soon as one task is done, at t=2, with two sets: done and pending. wait() cancels nothing by itself, so main cancels the slow task: the CancelledError comes out of its await asyncio.sleep, its except block prints its cleanup and re-raises, and the task ends cancelled at t=2 instead of running to t=5. On the timeline the fast task ends done, the slow one ends cancelled, and main&apos;s lane shows what it waits on.</source>
        <translation>Две задачи что-то загружают: одной нужно 5 с, другой 2 с. main ждёт их через asyncio.wait(return_when=FIRST_COMPLETED): ожидание заканчивается, как только завершится одна из задач, то есть при t=2, и возвращает два множества — done и pending. Сама wait() ничего не отменяет, поэтому медленную задачу отменяет main: CancelledError возникает в её await asyncio.sleep, блок except печатает сообщение об очистке и пробрасывает исключение дальше, и задача заканчивается отменённой при t=2, а не доработав до t=5. На временной шкале быстрая задача завершается успешно, медленная — отменой, а дорожка main показывает, чего она ждёт.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="487"/>
        <source>Seconds the slow task needs</source>
        <translation>Сколько секунд нужно медленной задаче</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="488"/>
        <source>Seconds the fast task needs</source>
        <translation>Сколько секунд нужно быстрой задаче</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="495"/>
        <source>asyncio.wait with a timeout</source>
        <translation>asyncio.wait с тайм-аутом</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="496"/>
        <source>Two fetches answer after 0.1 s and 0.3 s. main tries twice, waiting for both with asyncio.wait(..., timeout=...). With a timeout of 0.05 s nothing has answered yet: wait returns at t=0.05 with both tasks pending, and main cancels both. With 0.2 s the fast fetch answers at 0.1 s and is in done; the slow one is still pending when the timeout passes and is cancelled. The timeout does not raise and does not cancel anything: it only ends the wait, and what to do with the pending tasks is main&apos;s choice. Watch the tasks&apos; lanes end done or cancelled.</source>
        <translation>Два запроса получают ответ через 0,1 с и 0,3 с. main делает две попытки и каждый раз ждёт оба запроса через asyncio.wait(..., timeout=...). С тайм-аутом 0,05 с ещё никто не ответил: wait возвращается при t=0,05, обе задачи в pending, и main отменяет обе. С тайм-аутом 0,2 с быстрый запрос отвечает через 0,1 с и попадает в done, а медленный к концу тайм-аута ещё не готов и отменяется. Тайм-аут не вызывает исключения и ничего не отменяет: он лишь прекращает ожидание, а что делать с незавершёнными задачами, решает main. Посмотрите, какие дорожки задач заканчиваются завершением, а какие — отменой.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="530"/>
        <source>First timeout (ms)</source>
        <translation>Первый тайм-аут (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="531"/>
        <source>Second timeout (ms)</source>
        <translation>Второй тайм-аут (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="532"/>
        <source>Fast fetch&apos;s delay (ms)</source>
        <translation>Задержка быстрого запроса (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="533"/>
        <source>Slow fetch&apos;s delay (ms)</source>
        <translation>Задержка медленного запроса (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="540"/>
        <source>A done callback on a task</source>
        <translation>Обратный вызов по завершении задачи</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="541"/>
        <source>main starts a task that sleeps 2 s and returns 49, and attaches report() to it with add_done_callback. report is a plain function, not a coroutine: when the task ends, the loop schedules it, and it runs at the same virtual time as its own step of the loop, before main, which was queued after it, gets the result of its await. report prints the loop&apos;s clock to show it. On the timeline the callback appears on the loop&apos;s lane right after the task&apos;s lane ends. (The simulated loop&apos;s clock starts at 0; a real loop.time() starts anywhere.)</source>
        <translation>main запускает задачу, которая спит 2 с и возвращает 49, и навешивает на неё report() через add_done_callback. report — обычная функция, а не сопрограмма: когда задача завершается, цикл событий ставит её в очередь, и она выполняется в тот же момент виртуального времени отдельным шагом цикла — раньше, чем main, поставленная в очередь после неё, получит результат своего await. Чтобы это было видно, report печатает часы цикла. На временной шкале обратный вызов появляется на дорожке цикла событий сразу после конца дорожки задачи. (Часы моделируемого цикла начинаются с 0; настоящий loop.time() может начинаться с любого значения.)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="569"/>
        <source>Seconds the task sleeps</source>
        <translation>Сколько секунд спит задача</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="576"/>
        <source>time.sleep vs await asyncio.sleep in coroutines</source>
        <translation>time.sleep против await asyncio.sleep в сопрограммах</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="577"/>
        <source>Five workers each sleep 1 or 2 s (drawn from the run&apos;s seed). First they are gathered as coroutines that call time.sleep: that call blocks the loop&apos;s only thread, so the tasks run one after another and the whole takes the sum of the sleeps. Then the same sleeps are done with await asyncio.sleep: each task hands the loop back while it waits, the sleeps overlap, and the whole takes only the longest one. Compare the two totals, and the loop&apos;s lane: busy sleeping in the first half, waiting for the next timer in the second.</source>
        <translation>Пять рабочих спят по 1 или 2 с (длительность выбирается по зерну запуска). Сначала их запускают через gather как сопрограммы, вызывающие time.sleep: этот вызов блокирует единственный поток цикла событий, поэтому задачи выполняются по очереди и всё вместе занимает сумму пауз. Затем те же паузы делаются через await asyncio.sleep: на время ожидания каждая задача возвращает управление циклу, паузы перекрываются, и всё занимает лишь самую длинную из них. Сравните два итоговых времени и дорожку цикла: в первой половине поток сам спит, во второй цикл ждёт следующего таймера.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="610"/>
        <source>Workers</source>
        <translation>Рабочих</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="611"/>
        <source>Longest sleep (s)</source>
        <translation>Самая длинная пауза (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="618"/>
        <source>A blocking call stalls the event loop</source>
        <translation>Блокирующий вызов останавливает цикл событий</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="619"/>
        <source>Two tickers print every 0.5 s while a third coroutine makes a 2 s call. With mode 0 the call is time.sleep, with mode 1 it is CPU work: either way it never awaits, so the loop&apos;s thread is stuck in it and neither ticker runs until it returns. Their first tick, due at t=0.5, comes at t=2. With mode 2 the same blocking function runs through asyncio.to_thread: a real worker thread (asyncio_0) sleeps on its own lane, the coroutine awaits its result, and the tickers keep their 0.5 s rhythm. Compare the loop&apos;s lane and the tick times in the output.</source>
        <translation>Две сопрограммы-«часы» печатают каждые 0,5 с, а третья делает вызов длиной 2 с. В режиме 0 это time.sleep, в режиме 1 — вычисления на процессоре: в обоих случаях await нет, поток цикла событий застревает в вызове, и ни одни «часы» не работают, пока он не вернётся. Первый тик, положенный при t=0,5, случается только при t=2. В режиме 2 та же блокирующая функция выполняется через asyncio.to_thread: настоящий рабочий поток (asyncio_0) спит на своей дорожке, сопрограмма ждёт его результата через await, а «часы» сохраняют свой ритм 0,5 с. Сравните дорожку цикла событий и время тиков в выводе.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="662"/>
        <source>Call: 0 time.sleep, 1 CPU work, 2 asyncio.to_thread</source>
        <translation>Вызов: 0 time.sleep, 1 вычисления, 2 asyncio.to_thread</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="663"/>
        <source>Seconds the call takes</source>
        <translation>Сколько секунд длится вызов</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="664"/>
        <source>Ticks per ticker</source>
        <translation>Тиков у каждых «часов»</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="671"/>
        <source>asyncio.Queue: producers, consumers, join and cancel</source>
        <translation>asyncio.Queue: производители, потребители, join и отмена</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="672"/>
        <source>Two producer tasks put four items each into an asyncio.Queue that holds at most two; two consumer tasks take items and spend 0.5 s on each. A producer whose put finds the queue full waits on it, and so does a consumer whose get finds it empty: their lanes name the queue. main waits for the producers, then for q.join(), which returns once every item has had its task_done(). The consumers loop forever, so main cancels them: each ends cancelled inside its await q.get(). The Inspector shows the queue&apos;s items and which task waits on it.</source>
        <translation>Две задачи-производителя кладут по четыре элемента в asyncio.Queue, вмещающую не больше двух; две задачи-потребителя забирают элементы и тратят на каждый 0,5 с. Производитель, чей put застал очередь полной, ждёт на ней; так же ждёт и потребитель, чей get застал её пустой, — их дорожки называют очередь. main ждёт производителей, затем q.join(), который возвращается, когда для каждого элемента вызван task_done(). Потребители работают в бесконечном цикле, поэтому main их отменяет: каждый заканчивается отменой внутри своего await q.get(). Инспектор показывает элементы очереди и то, какая задача её ждёт.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="716"/>
        <source>Producers</source>
        <translation>Производителей</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="717"/>
        <source>Consumers</source>
        <translation>Потребителей</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="718"/>
        <source>Items per producer</source>
        <translation>Элементов у каждого производителя</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="719"/>
        <source>Queue size (maxsize)</source>
        <translation>Размер очереди (maxsize)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="726"/>
        <source>Three I/O clients: one after another, then concurrently</source>
        <translation>Три клиента ввода-вывода: по очереди, затем конкурентно</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="727"/>
        <source>Three clients each send a request and wait for its answer, simulated by await asyncio.sleep of the client&apos;s latency (1.5 s, 0.8 s and 1.2 s). First main awaits the requests one after another: the loop sits idle during each wait, and the total is the sum, 3.5 s. Then it gathers them: all three wait at once on one thread, and the total is about the slowest request, 1.5 s. Waiting for I/O is where asyncio pays off: nothing computes, everything waits.</source>
        <translation>Три клиента отправляют по запросу и ждут ответа; ожидание изображает await asyncio.sleep на время задержки клиента (1,5 с, 0,8 с и 1,2 с). Сначала main ждёт запросы по одному: во время каждого ожидания цикл событий простаивает, и всего уходит сумма, 3,5 с. Затем она запускает их через gather: все три ждут одновременно в одном потоке, и всё занимает примерно столько, сколько самый медленный запрос, 1,5 с. Именно при ожидании ввода-вывода asyncio и выгоден: никто не вычисляет, все ждут.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="755"/>
        <source>client-a&apos;s latency (ms)</source>
        <translation>Задержка client-a (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="756"/>
        <source>client-b&apos;s latency (ms)</source>
        <translation>Задержка client-b (мс)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncCoordination.cpp" line="757"/>
        <source>client-c&apos;s latency (ms)</source>
        <translation>Задержка client-c (мс)</translation>
    </message>
</context>
</TS>
