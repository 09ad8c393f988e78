<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="295"/>
        <source>A coroutine called but never awaited</source>
        <translation>Сопрограмму вызвали, но не дождались (await)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="296"/>
        <source>Calling an async function does not run it: greet(&quot;first&quot;) only makes a coroutine object, and nothing of greet&apos;s body ever runs. The object is thrown away at the end of that statement, so Python prints &quot;RuntimeWarning: coroutine &apos;greet&apos; was never awaited&quot; at once. The second object is kept in a variable: its warning comes only when main ends and the variable goes, at t=1. Set &quot;await_it&quot; to 1 and the first call is awaited: greet runs, takes 1 s, and only one warning is left.</source>
        <translation>Вызов async-функции её не выполняет: greet(&quot;first&quot;) только создаёт объект сопрограммы, и тело greet так и не запускается. Объект выбрасывается в конце этой инструкции, поэтому Python сразу печатает «RuntimeWarning: coroutine &apos;greet&apos; was never awaited». Второй объект сохранён в переменной: его предупреждение появится только тогда, когда main завершится и переменная исчезнет, при t=1. Поставьте «await_it» в 1, и первый вызов будет дождан через await: greet выполнится за 1 с, а предупреждение останется одно.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="323"/>
        <source>Await the first call (0: no, 1: yes)</source>
        <translation>Ждать первый вызов через await (0: нет, 1: да)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="330"/>
        <source>asyncio.run() inside a running loop</source>
        <translation>asyncio.run() внутри работающего цикла</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="331"/>
        <source>asyncio.run() starts an event loop, and a thread can run only one loop at a time. main already runs in one, so its call to asyncio.run(inner()) is refused with RuntimeError: &quot;asyncio.run() cannot be called from a running event loop&quot;. main catches it and prints it; nothing crashes. The refused inner() coroutine never ran, so Python also warns that it was never awaited. Inside a loop, the way to run a coroutine is to await it (or make it a task): the next line does, and inner runs for 1 s.</source>
        <translation>asyncio.run() запускает цикл событий, а в одном потоке одновременно может работать только один цикл. main уже выполняется в цикле, поэтому её вызов asyncio.run(inner()) отклоняется с RuntimeError: «asyncio.run() cannot be called from a running event loop». main перехватывает исключение и печатает его; ничего не падает. Отклонённая сопрограмма inner() так и не выполнилась, поэтому Python ещё и предупреждает, что её никто не дождался. Внутри цикла сопрограмму запускают через await (или создают из неё задачу): так делает следующая строка, и inner работает 1 с.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="362"/>
        <source>gather: two 5 s sleeps take 5 s</source>
        <translation>gather: два сна по 5 с занимают 5 с</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="363"/>
        <source>asyncio.gather wraps both coroutines in tasks and waits for both. Each task prints, then awaits asyncio.sleep(5): while it waits, the loop runs the other one, so both sleeps run at the same time on one thread. Both wake at t=5 and main gets their results after 5 s, not 10. On the timeline, each task&apos;s lane says what it waits on, and the loop&apos;s lane shows which task it steps and when it waits for the next timer. Change the sleeps: the total is always the longer one.</source>
        <translation>asyncio.gather оборачивает обе сопрограммы в задачи и ждёт обе. Каждая задача печатает строку и ждёт asyncio.sleep(5): пока одна ждёт, цикл событий выполняет другую, так что оба сна идут одновременно в одном потоке. Обе просыпаются при t=5, и main получает их результаты через 5 с, а не через 10. На временной шкале дорожка каждой задачи показывает, чего она ждёт, а дорожка цикла — какую задачу он выполняет на каждом шаге и когда ждёт следующего таймера. Измените длительности сна: общее время всегда равно большей из них.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="384"/>
        <source>Sleep of nap a (s)</source>
        <translation>Сон nap a (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="385"/>
        <source>Sleep of nap b (s)</source>
        <translation>Сон nap b (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="392"/>
        <source>gather: 10,000 sleeping tasks</source>
        <translation>gather: 10 000 спящих задач</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="393"/>
        <source>gather starts 10,000 tasks that each sleep 5 s and return their number. A task costs almost nothing while it waits, so all of them sleep together and the whole run takes 5 s of virtual time, not 50,000: main prints the count of results and their sum after 5 s. No thread is started; every task runs on the main thread, one step at a time. With so many tasks the timeline groups their lanes by coroutine, with counts by state; click a group&apos;s name to open it.</source>
        <translation>gather запускает 10 000 задач; каждая спит 5 с и возвращает свой номер. Ожидающая задача почти ничего не стоит, поэтому все они спят одновременно, и весь прогон занимает 5 с виртуального времени, а не 50 000: через 5 с main печатает число результатов и их сумму. Ни одного потока не создаётся: все задачи выполняются в главном потоке, по одному шагу за раз. При таком числе задач временная шкала объединяет их дорожки в группы по сопрограмме и показывает, сколько задач в каком состоянии; щёлкните по имени группы, чтобы раскрыть её.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="414"/>
        <source>Number of tasks</source>
        <translation>Число задач</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="421"/>
        <source>sleep(0): giving the other task a turn</source>
        <translation>sleep(0): уступить ход другой задаче</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="422"/>
        <source>Tasks switch only at an await. Two tasks print &quot;start&quot;, await asyncio.sleep(0) and print &quot;exit&quot;. sleep(0) takes no time: it only hands the loop back, so the other task runs its first line before the first one goes on. The output is start, start, exit, exit, all at t=0. Set &quot;sleep_zero&quot; to 0 and there is no await left: each task runs to its end in one go, and the output becomes start, exit, start, exit.</source>
        <translation>Задачи переключаются только на await. Две задачи печатают «start», ждут asyncio.sleep(0) и печатают «exit». sleep(0) не занимает времени: он лишь возвращает управление циклу событий, поэтому другая задача успевает выполнить свою первую строку, прежде чем первая продолжит. Вывод: start, start, exit, exit, всё при t=0. Поставьте «sleep_zero» в 0, и ни одного await не останется: каждая задача выполнится до конца за один раз, и вывод станет start, exit, start, exit.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="442"/>
        <source>Await sleep(0) (0: no, 1: yes)</source>
        <translation>Ждать sleep(0) (0: нет, 1: да)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="449"/>
        <source>Three workers sleeping 2, 2 and 1 s</source>
        <translation>Три рабочие задачи спят 2, 2 и 1 с</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="450"/>
        <source>gather runs three worker tasks that sleep 2, 2 and 1 s. They start in order 1, 2, 3, but they exit in the order their timers end: worker 3 at t=1, then workers 1 and 2 together at t=2, in the order they started sleeping. main goes on when the last has exited, at t=2. In between, every task waits on a timer and the loop waits for the next one to end.</source>
        <translation>gather запускает три задачи worker, которые спят 2, 2 и 1 с. Стартуют они в порядке 1, 2, 3, а завершаются в порядке окончания своих таймеров: worker 3 при t=1, затем worker 1 и worker 2 вместе при t=2, в том порядке, в каком заснули. main продолжает работу, когда завершилась последняя, при t=2. Всё это время каждая задача ждёт свой таймер, а цикл событий ждёт, когда истечёт ближайший.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="467"/>
        <source>Sleep of worker 1 (s)</source>
        <translation>Сон worker 1 (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="468"/>
        <source>Sleep of worker 2 (s)</source>
        <translation>Сон worker 2 (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="469"/>
        <source>Sleep of worker 3 (s)</source>
        <translation>Сон worker 3 (с)</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="476"/>
        <source>Chained coroutines, gathered</source>
        <translation>Цепочки сопрограмм, запущенные через gather</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="477"/>
        <source>Each chain awaits part1, then part2 with part1&apos;s result: inside a chain the two parts run one after the other, so a chain takes the sum of its two sleeps. The chains themselves are gathered and run at the same time, so the whole program takes as long as the longest chain, not the sum of all. The sleeps are drawn with random.randint from the run&apos;s seed: change the seed and other chains come out longest.</source>
        <translation>Каждая цепочка ждёт part1, а затем part2 с результатом part1: внутри цепочки две части выполняются одна за другой, поэтому цепочка занимает сумму двух своих снов. Сами цепочки собраны через gather и идут одновременно, поэтому вся программа длится столько, сколько самая длинная цепочка, а не сумму всех. Длительности сна выбираются random.randint по зерну прогона: смените зерно, и самой длинной окажется другая цепочка.</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="518"/>
        <source>Number of chains</source>
        <translation>Число цепочек</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/AsyncBasics.cpp" line="519"/>
        <source>Longest sleep of a part (s)</source>
        <translation>Самый долгий сон одной части (с)</translation>
    </message>
</context>
</TS>
