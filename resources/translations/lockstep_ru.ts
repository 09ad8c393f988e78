<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Lesson</name>
    <message>
        <location filename="../../app/cli/Cli.cpp" line="1248"/>
        <source>Predictions</source>
        <translation>Предсказания</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="457"/>
        <source>Threads</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="458"/>
        <source>Races</source>
        <translation>Гонки</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="459"/>
        <source>Locks</source>
        <translation>Блокировки</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="460"/>
        <source>Deadlocks</source>
        <translation>Взаимные блокировки</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="461"/>
        <source>Semaphores</source>
        <translation>Семафоры</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="462"/>
        <source>Events and conditions</source>
        <translation>События и условия</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="463"/>
        <source>Queues</source>
        <translation>Очереди</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="464"/>
        <source>Pools and futures</source>
        <translation>Пулы и futures</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="465"/>
        <source>The GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="466"/>
        <source>Processes</source>
        <translation>Процессы</translation>
    </message>
    <message>
        <location filename="../../app/learn/Lesson.cpp" line="467"/>
        <source>asyncio</source>
        <translation>asyncio</translation>
    </message>
</context>
<context>
    <name>lockstep::app::ChartsPanel</name>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="125"/>
        <source>Queue length over time</source>
        <translation>Длина очереди во времени</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="126"/>
        <source>Semaphore occupancy over time</source>
        <translation>Занятость семафора во времени</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="127"/>
        <source>Time each thread spent in each state</source>
        <translation>Время каждого потока в каждом состоянии</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="128"/>
        <source>Core utilisation</source>
        <translation>Загрузка ядер</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="129"/>
        <source>Event loop&apos;s ready queue by step</source>
        <translation>Очередь готовых задач цикла событий по шагам</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="130"/>
        <source>Elapsed time by threads, GIL and cores</source>
        <translation>Время выполнения: потоки, GIL и ядра</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="195"/>
        <source>Queues</source>
        <translation>Очереди</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="196"/>
        <source>Semaphores</source>
        <translation>Семафоры</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="197"/>
        <source>States</source>
        <translation>Состояния</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="198"/>
        <source>Cores</source>
        <translation>Ядра</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="199"/>
        <source>Ready queue</source>
        <translation>Очередь готовых</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="200"/>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="207"/>
        <source>Load a scenario to see its charts.</source>
        <translation>Загрузите сценарий, чтобы увидеть его графики.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="279"/>
        <location filename="../../app/panels/ChartsPanel.cpp" line="413"/>
        <source>virtual time (s)</source>
        <translation>виртуальное время (с)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="297"/>
        <source>cursor</source>
        <translation>курсор</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="309"/>
        <source>This scenario has no queue.</source>
        <translation>В этом сценарии нет очереди.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="315"/>
        <source>items in the queue</source>
        <translation>элементов в очереди</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="319"/>
        <source>%1 (maxsize %2)</source>
        <translation>%1 (maxsize %2)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="320"/>
        <source>%1 (unbounded)</source>
        <translation>%1 (без ограничения)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="331"/>
        <source>This scenario has no semaphore.</source>
        <translation>В этом сценарии нет семафора.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="337"/>
        <source>slots taken</source>
        <translation>занято слотов</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="344"/>
        <source>%1 (value %2)</source>
        <translation>%1 (значение %2)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="367"/>
        <source>No thread has started yet.</source>
        <translation>Ни один поток ещё не запущен.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="371"/>
        <source>No virtual time has passed yet: every state so far lasted zero seconds.</source>
        <translation>Виртуальное время ещё не шло: каждое состояние пока длилось ноль секунд.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="427"/>
        <source>No thread has computed on a core in this run so far: the threads only sleep or wait, so every core is idle.</source>
        <translation>В этом прогоне пока ни один поток не вычислял на ядре: потоки только спят или ждут, поэтому все ядра простаивают.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="436"/>
        <source>busy</source>
        <translation>занято</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="440"/>
        <source>core %1</source>
        <translation>ядро %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="452"/>
        <source>busy (% of the run)</source>
        <translation>занятость (% прогона)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="466"/>
        <source>This run has no asyncio event loop.</source>
        <translation>В этом прогоне нет цикла событий asyncio.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="473"/>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="476"/>
        <source>tasks and callbacks ready to run</source>
        <translation>задачи и обратные вызовы, готовые к запуску</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="481"/>
        <source>ready queue</source>
        <translation>очередь готовых</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="534"/>
        <source>This comparison is made for the GIL scenario, gil-cpu-bound: load it to compare 1, 2 and 4 threads with the GIL on and off, on 1 and on 4 cores.</source>
        <translation>Это сравнение строится для сценария о GIL, gil-cpu-bound: загрузите его, чтобы сравнить 1, 2 и 4 потока с GIL и без него, на 1 и на 4 ядрах.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="541"/>
        <source>Your program will run with the GIL on and off, on 1 and on 2 cores, to compare how long it takes: its code takes CPU time, so the GIL decides whether its threads compute at once.</source>
        <translation>Ваша программа будет запущена с GIL и без него, на 1 и на 2 ядрах, чтобы сравнить, сколько она работает: её код занимает процессорное время, и GIL решает, вычисляют ли её потоки одновременно.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="547"/>
        <source>Computing: your program runs with the GIL on and off, on 1 and on 2 cores. %1 of %2 runs done...</source>
        <translation>Идёт расчёт: ваша программа запускается с GIL и без него, на 1 и на 2 ядрах. Готово запусков: %1 из %2...</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="549"/>
        <source>Computing: the scenario runs with 1, 2 and 4 threads, the GIL on and off, on 1 and on 4 cores. %1 of %2 runs done...</source>
        <translation>Идёт расчёт: сценарий запускается с 1, 2 и 4 потоками, с GIL и без него, на 1 и на 4 ядрах. Готово прогонов: %1 из %2...</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="564"/>
        <source>The comparison has no run to show.</source>
        <translation>В сравнении нет ни одного прогона.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="577"/>
        <source>your program</source>
        <translation>ваша программа</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="596"/>
        <source>GIL on</source>
        <translation>с GIL</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="596"/>
        <source>GIL off</source>
        <translation>без GIL</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="597"/>
        <source>1 core</source>
        <translation>1 ядро</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ChartsPanel.cpp" line="597"/>
        <source>%n cores</source>
        <translation>
            <numerusform>%n ядро</numerusform>
            <numerusform>%n ядра</numerusform>
            <numerusform>%n ядер</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="578"/>
        <source>1 thread</source>
        <translation>1 поток</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ChartsPanel.cpp" line="579"/>
        <source>%n threads</source>
        <translation>
            <numerusform>%n поток</numerusform>
            <numerusform>%n потока</numerusform>
            <numerusform>%n потоков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="601"/>
        <source>elapsed virtual time (ms)</source>
        <translation>время выполнения (мс)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="626"/>
        <source>There is no chart number %1.</source>
        <translation>Нет графика с номером %1.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="628"/>
        <source>The chart &quot;%1&quot; has nothing to show: %2</source>
        <translation>Графику «%1» нечего показать: %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="655"/>
        <source>Exported from Lockstep</source>
        <translation>Экспортировано из Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="657"/>
        <location filename="../../app/panels/ChartsPanel.cpp" line="661"/>
        <location filename="../../app/panels/ChartsPanel.cpp" line="673"/>
        <source>Cannot write &quot;%1&quot;.</source>
        <translation>Не удаётся записать «%1».</translation>
    </message>
    <message>
        <location filename="../../app/panels/ChartsPanel.cpp" line="665"/>
        <source>Unknown image format &quot;%1&quot;: use a file name ending in .png or .svg.</source>
        <translation>Неизвестный формат изображения «%1»: укажите имя файла с расширением .png или .svg.</translation>
    </message>
</context>
<context>
    <name>lockstep::app::CodeView</name>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="135"/>
        <source>modified: Step, Run or Ctrl+S saves and reloads it</source>
        <translation>изменена: «Шаг», «Запуск» или Ctrl+S сохранит и перезагрузит её</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="136"/>
        <source>your program: you can edit it here</source>
        <translation>ваша программа: её можно править здесь</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="141"/>
        <source>%1

Your own program: edit it here. An edited program is saved and loaded again before the next Step, Run or Restart (or at once with Ctrl+S), so the run always follows the text you see.</source>
        <translation>%1

Ваша собственная программа: правьте её здесь. Изменённая программа сохраняется и загружается заново перед следующим шагом, запуском или перезапуском (или сразу по Ctrl+S), поэтому выполнение всегда соответствует тексту на экране.</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="252"/>
        <source>blocked: inside %1</source>
        <translation>заблокирован: внутри %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="255"/>
        <source>blocked: %1 %2</source>
        <translation>заблокирован: %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="261"/>
        <source>(held by %1)</source>
        <translation>(владелец: %1)</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="264"/>
        <source>ready: can run next</source>
        <translation>готов: может выполниться следующим</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="358"/>
        <source>store by %1 at step %2</source>
        <translation>запись потоком %1 на шаге %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="358"/>
        <source>load by %1 at step %2</source>
        <translation>чтение потоком %1 на шаге %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="362"/>
        <source>Data race on %1: %2 and %3, with no lock, join, event or queue ordering them.</source>
        <translation>Гонка данных на %1: %2 и %3, и никакая блокировка, join, событие или очередь их не упорядочивает.</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="300"/>
        <location filename="../../app/panels/CodeView.cpp" line="482"/>
        <location filename="../../app/panels/CodeView.cpp" line="675"/>
        <source>Run</source>
        <translation>Выполнить</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="563"/>
        <source>No thread has started yet.</source>
        <translation>Ни один поток ещё не запущен.</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="563"/>
        <source>Pick a scenario to see its code.</source>
        <translation>Выберите сценарий, чтобы увидеть его код.</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="723"/>
        <source>Double-click or press Run to let it take the next step.</source>
        <translation>Дважды щёлкните или нажмите «Выполнить», чтобы поток сделал следующий шаг.</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="724"/>
        <source>It cannot run until what it waits for is free.</source>
        <translation>Поток не может выполняться, пока то, чего он ждёт, не освободится.</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="283"/>
        <source>finished: %1</source>
        <translation>завершены: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="284"/>
        <source>not started: %1</source>
        <translation>не запущены: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/CodeView.cpp" line="735"/>
        <source>▶ marks the line %1 just ran; when the run goes on past this step, ▷ marks that line and ▶ the line %1 runs next. The other threads&apos; lines carry their name.</source>
        <translation>▶ отмечает строку, которую только что выполнил %1; когда прогон идёт дальше этого шага, ▷ отмечает эту строку, а ▶ — строку, которую %1 выполнит следующей. Строки других потоков помечены их именами.</translation>
    </message>
</context>
<context>
    <name>lockstep::app::ExplorePanel</name>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="40"/>
        <source>finished</source>
        <translation>завершён</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="41"/>
        <source>deadlock</source>
        <translation>взаимоблокировка</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="42"/>
        <source>stuck</source>
        <translation>зависание</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="43"/>
        <source>step limit</source>
        <translation>предел шагов</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="44"/>
        <source>trace full</source>
        <translation>трасса заполнена</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="251"/>
        <source>%1 died of %2</source>
        <translation>%1: необработанное %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="45"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="46"/>
        <source>aborted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="47"/>
        <source>crashed</source>
        <translation>сбой процесса</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="48"/>
        <source>frozen</source>
        <translation>завис</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="155"/>
        <location filename="../../app/panels/ExplorePanel.cpp" line="567"/>
        <source>%v of at most %m runs</source>
        <translation>%v из не более чем %m прогонов</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="156"/>
        <source>Exploring...</source>
        <translation>Идёт перебор...</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="204"/>
        <source>Cancelling...</source>
        <translation>Отмена...</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="270"/>
        <source>%1%</source>
        <comment>a share in percent</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="280"/>
        <source>%1 (%2 of %3), one after the other</source>
        <translation>%1 (%2 из %3), один за другим</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="281"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 из %3)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="294"/>
        <source>sampling finds outcomes but proves nothing</source>
        <translation>выборка находит исходы, но ничего не доказывает</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="296"/>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="297"/>
        <source>the run limit was reached with schedules left; raise it</source>
        <translation>достигнут предел числа прогонов, а расписания ещё остались; увеличьте его</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="298"/>
        <source>the preemption bound left schedules out</source>
        <translation>ограничение на вытеснения отбросило часть расписаний</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="299"/>
        <source>some runs reached the step limit</source>
        <translation>некоторые прогоны упёрлись в предел шагов</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="301"/>
        <source>Schedules run: %1. Distinct outcomes: %2.</source>
        <translation>Выполнено расписаний: %1. Различных исходов: %2.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="303"/>
        <source>Exhaustive: these are all the outcomes this scenario can have.</source>
        <translation>Перебор полный: других исходов у этого сценария быть не может.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="304"/>
        <source>Not exhaustive: %1.</source>
        <translation>Перебор неполный: %1.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="306"/>
        <location filename="../../app/panels/ExplorePanel.cpp" line="566"/>
        <source>%v runs</source>
        <translation>%v прогонов</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="309"/>
        <source>Outcomes of %1 (click a bar to replay its schedule)</source>
        <translation>Исходы %1 (щёлкните по столбцу, чтобы воспроизвести его расписание)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="344"/>
        <source>%1
%2 of %n schedules explored (%3)</source>
        <translation>
            <numerusform>%1
%2 из %n исследованного расписания (%3)</numerusform>
            <numerusform>%1
%2 из %n исследованных расписаний (%3)</numerusform>
            <numerusform>%1
%2 из %n исследованных расписаний (%3)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="348"/>
        <source>The threads run one after the other end this way too.</source>
        <translation>Так же заканчиваются потоки, выполненные один за другим.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="349"/>
        <source>Click to replay this schedule in the main view.</source>
        <translation>Щёлкните, чтобы воспроизвести это расписание в главном окне.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="360"/>
        <source>one after the other</source>
        <translation>один за другим</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="382"/>
        <source>share of schedules, %</source>
        <translation>доля расписаний, %</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="455"/>
        <source>This is the only schedule: at no step could more than one thread run, so this outcome is certain.</source>
        <translation>Это единственное расписание: ни на одном шаге не мог выполняться больше чем один поток, поэтому этот исход неизбежен.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="460"/>
        <source>Share of the %n distinct schedules with at most %1 preemption(s) explored (schedules that differ only in the order of independent steps count once).</source>
        <translation>
            <numerusform>Доля среди %n исследованного различного расписания с числом вытеснений не больше %1 (расписания, которые отличаются лишь порядком независимых шагов, считаются один раз).</numerusform>
            <numerusform>Доля среди %n исследованных различных расписаний с числом вытеснений не больше %1 (расписания, которые отличаются лишь порядком независимых шагов, считаются один раз).</numerusform>
            <numerusform>Доля среди %n исследованных различных расписаний с числом вытеснений не больше %1 (расписания, которые отличаются лишь порядком независимых шагов, считаются один раз).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="464"/>
        <source>Share of the %n distinct schedules explored (schedules that differ only in the order of independent steps count once).</source>
        <translation>
            <numerusform>Доля среди %n исследованного различного расписания (расписания, которые отличаются лишь порядком независимых шагов, считаются один раз).</numerusform>
            <numerusform>Доля среди %n исследованных различных расписаний (расписания, которые отличаются лишь порядком независимых шагов, считаются один раз).</numerusform>
            <numerusform>Доля среди %n исследованных различных расписаний (расписания, которые отличаются лишь порядком независимых шагов, считаются один раз).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="468"/>
        <source>Share of the %n schedules with at most %1 preemption(s) explored (every order of the steps counts).</source>
        <translation>
            <numerusform>Доля среди %n исследованного расписания с числом вытеснений не больше %1 (считается каждый порядок шагов).</numerusform>
            <numerusform>Доля среди %n исследованных расписаний с числом вытеснений не больше %1 (считается каждый порядок шагов).</numerusform>
            <numerusform>Доля среди %n исследованных расписаний с числом вытеснений не больше %1 (считается каждый порядок шагов).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="472"/>
        <source>Share of the %n schedules explored (every order of the steps counts).</source>
        <translation>
            <numerusform>Доля среди %n исследованного расписания (считается каждый порядок шагов).</numerusform>
            <numerusform>Доля среди %n исследованных расписаний (считается каждый порядок шагов).</numerusform>
            <numerusform>Доля среди %n исследованных расписаний (считается каждый порядок шагов).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="477"/>
        <source>The search stopped early: these are shares of the schedules it reached first.</source>
        <translation>Перебор остановился раньше времени: это доли среди расписаний, до которых он успел дойти.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="478"/>
        <source>Not a probability: a real OS scheduler favours some schedules.</source>
        <translation>Это не вероятность: настоящий планировщик ОС одни расписания выбирает чаще других.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="482"/>
        <source>Share of %n random schedule(s) (seed %1).</source>
        <translation>
            <numerusform>Доля среди %n случайного расписания (зерно %1).</numerusform>
            <numerusform>Доля среди %n случайных расписаний (зерно %1).</numerusform>
            <numerusform>Доля среди %n случайных расписаний (зерно %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="483"/>
        <source>Share of %n random schedules (seeds %1 to %2).</source>
        <translation>
            <numerusform>Доля среди %n случайного расписания (зёрна с %1 по %2).</numerusform>
            <numerusform>Доля среди %n случайных расписаний (зёрна с %1 по %2).</numerusform>
            <numerusform>Доля среди %n случайных расписаний (зёрна с %1 по %2).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="486"/>
        <source>Not a probability: here every choice is a fair draw, while a real OS scheduler favours some schedules.</source>
        <translation>Это не вероятность: здесь каждый выбор — честная жеребьёвка, а настоящий планировщик ОС одни расписания выбирает чаще других.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="490"/>
        <source>Share of %n PCT schedule(s) (seed %1).</source>
        <translation>
            <numerusform>Доля среди %n расписания PCT (зерно %1).</numerusform>
            <numerusform>Доля среди %n расписаний PCT (зерно %1).</numerusform>
            <numerusform>Доля среди %n расписаний PCT (зерно %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/ExplorePanel.cpp" line="491"/>
        <source>Share of %n PCT schedules (seeds %1 to %2).</source>
        <translation>
            <numerusform>Доля среди %n расписания PCT (зёрна с %1 по %2).</numerusform>
            <numerusform>Доля среди %n расписаний PCT (зёрна с %1 по %2).</numerusform>
            <numerusform>Доля среди %n расписаний PCT (зёрна с %1 по %2).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="494"/>
        <source>Not a probability: PCT seeks rare orders on purpose, while a real OS scheduler favours some schedules.</source>
        <translation>Это не вероятность: PCT нарочно ищет редкие порядки, а настоящий планировщик ОС одни расписания выбирает чаще других.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="501"/>
        <source>Outlined: %1, as with the threads run one after the other.</source>
        <translation>Обведено: %1, как при выполнении потоков один за другим.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="503"/>
        <source>Run one after the other, the threads give %1, which no schedule here gives.</source>
        <translation>Если выполнить потоки один за другим, получится %1, а так не заканчивается ни одно расписание здесь.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="505"/>
        <source>Run one after the other, the threads give %1, which no schedule explored gave (one left out might).</source>
        <translation>Если выполнить потоки один за другим, получится %1; так не закончилось ни одно исследованное расписание (а пропущенное могло бы).</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="513"/>
        <source>A bar&apos;s length counts schedules: every schedule the search ran weighs the same. It does not say how often a real computer would end that way; its scheduler runs some orders far more often than others.</source>
        <translation>Длина столбца считает расписания: каждое выполненное расписание весит одинаково. Она не говорит, как часто так закончится на настоящем компьютере: его планировщик одни порядки выполняет гораздо чаще других.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="517"/>
        <source>One after the other: each thread runs to completion before the next starts, the outcome you would expect without concurrency.</source>
        <translation>Один за другим: каждый поток выполняется до конца, прежде чем начнётся следующий, — исход, которого ждёшь без параллельности.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="542"/>
        <source>Explores the schedules of: %1</source>
        <translation>Перебор расписаний сценария: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="544"/>
        <source>Load a scenario to explore its schedules.</source>
        <translation>Загрузите сценарий, чтобы перебрать его расписания.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="545"/>
        <source>Strategy:</source>
        <translation>Стратегия:</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="546"/>
        <source>Systematic (every schedule)</source>
        <translation>Систематическая (все расписания)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="547"/>
        <source>Random</source>
        <translation>Случайная</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="548"/>
        <source>PCT (random priorities)</source>
        <translation>PCT (случайные приоритеты)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="550"/>
        <source>Systematic: depth-first over every scheduling decision; says whether it saw every outcome. For small scenarios.
Random: seeded random choices at every decision.
PCT: random thread priorities that change a few times per run; good at finding rare interleavings in large scenarios.</source>
        <translation>Систематическая: обход в глубину по всем решениям планировщика; сообщает, увидела ли она все исходы. Для небольших сценариев.
Случайная: случайный выбор при каждом решении, воспроизводимый по начальному значению.
PCT: случайные приоритеты потоков, которые несколько раз меняются за прогон; хорошо находит редкие чередования в больших сценариях.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="554"/>
        <source>At most:</source>
        <translation>Не более:</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="555"/>
        <source> runs</source>
        <translation> прогонов</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="556"/>
        <source>Preemptions:</source>
        <translation>Вытеснения:</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="557"/>
        <source>no bound</source>
        <translation>без ограничения</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="558"/>
        <source>Systematic only: at most this many times per run may a thread lose the processor while it could go on. Small bounds find most bugs in far fewer runs.</source>
        <translation>Только для систематической стратегии: сколько раз за прогон поток может потерять процессор, хотя мог бы продолжать. Небольшое ограничение находит большинство ошибок за гораздо меньшее число прогонов.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="560"/>
        <source>Skip equivalent schedules</source>
        <translation>Пропускать равносильные расписания</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="561"/>
        <source>Partial-order reduction: schedules that only swap independent steps end the same way, so only one of them is run.</source>
        <translation>Редукция частичного порядка: расписания, которые лишь меняют местами независимые шаги, заканчиваются одинаково, поэтому выполняется только одно из них.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="563"/>
        <source>Explore</source>
        <translation>Перебрать</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="564"/>
        <source>Run many schedules of this scenario and count the outcomes (Ctrl+Shift+E).</source>
        <translation>Выполнить много расписаний этого сценария и подсчитать исходы (Ctrl+Shift+E).</translation>
    </message>
    <message>
        <location filename="../../app/panels/ExplorePanel.cpp" line="565"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>lockstep::app::ExportDialog</name>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="27"/>
        <location filename="../../app/gui/ExportDialog.cpp" line="102"/>
        <source>Export timeline</source>
        <translation>Экспорт временной шкалы</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="32"/>
        <source>The file to write: .png, .svg (text stays text, for slides and print) or .pdf</source>
        <translation>Файл для записи: .png, .svg (текст остаётся текстом — для слайдов и печати) или .pdf</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="33"/>
        <source>Browse...</source>
        <translation>Обзор...</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="42"/>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="44"/>
        <source>The picture&apos;s width; its height follows from the lanes</source>
        <translation>Ширина картинки; высота определяется дорожками</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="49"/>
        <source>Draw everything this many times larger in the same width: 2× keeps the text readable on a slide</source>
        <translation>Рисовать всё во столько раз крупнее при той же ширине: при 2× текст читается на слайде</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="53"/>
        <source>The whole run</source>
        <translation>Весь прогон</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="54"/>
        <source>What the timeline shows now</source>
        <translation>То, что сейчас видно на шкале</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="55"/>
        <source>Steps from ... to ...</source>
        <translation>Шаги с ... по ...</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="82"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="83"/>
        <source>Width:</source>
        <translation>Ширина:</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="84"/>
        <source>Scale:</source>
        <translation>Масштаб:</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="85"/>
        <source>Part of the run:</source>
        <translation>Часть прогона:</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="86"/>
        <source>Steps:</source>
        <translation>Шаги:</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="103"/>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>Изображения (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="126"/>
        <source>Choose a file to write.</source>
        <translation>Выберите файл для записи.</translation>
    </message>
    <message>
        <location filename="../../app/gui/ExportDialog.cpp" line="129"/>
        <source>The folder %1 does not exist.</source>
        <translation>Папка %1 не существует.</translation>
    </message>
</context>
<context>
    <name>lockstep::app::InspectorModel</name>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="159"/>
        <source>exit %1 (%2)</source>
        <translation>код выхода %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="160"/>
        <source>exit %1</source>
        <translation>код выхода %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="161"/>
        <source>alive</source>
        <translation>работает</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/InspectorModel.cpp" line="168"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанное</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="181"/>
        <source>free</source>
        <translation>свободна</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="181"/>
        <location filename="../../app/panels/InspectorModel.cpp" line="487"/>
        <source>held by %1</source>
        <translation>владелец: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="199"/>
        <source>set</source>
        <translation>установлено</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="199"/>
        <source>clear</source>
        <translation>сброшено</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="208"/>
        <source>running on %1</source>
        <translation>выполняется в %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="209"/>
        <location filename="../../app/panels/InspectorModel.cpp" line="461"/>
        <source>result %1</source>
        <translation>результат %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="210"/>
        <location filename="../../app/panels/InspectorModel.cpp" line="464"/>
        <source>raised %1</source>
        <translation>исключение %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="219"/>
        <source>%1 of %2 waiting</source>
        <translation>ожидают %1 из %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/InspectorModel.cpp" line="220"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>ожидает %n поток</numerusform>
            <numerusform>ожидают %n потока</numerusform>
            <numerusform>ожидают %n потоков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="239"/>
        <source>(unknown coroutine)</source>
        <translation>(неизвестная корутина)</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="252"/>
        <source>1 task</source>
        <translation>1 задача</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/InspectorModel.cpp" line="252"/>
        <source>%n tasks</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="286"/>
        <source>%1&apos;s store</source>
        <translation>запись %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="286"/>
        <source>%1&apos;s load</source>
        <translation>чтение %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="288"/>
        <source>%1 at step %2, then %3 at step %4</source>
        <translation>%1 на шаге %2, затем %3 на шаге %4</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="411"/>
        <source>Shared variables</source>
        <translation>Общие переменные</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="412"/>
        <source>Local variables (by thread)</source>
        <translation>Локальные переменные (по потокам)</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="413"/>
        <source>Locks</source>
        <translation>Блокировки</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="414"/>
        <source>Semaphores</source>
        <translation>Семафоры</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="415"/>
        <source>Queues</source>
        <translation>Очереди</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="416"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="417"/>
        <source>Conditions and barriers</source>
        <translation>Условные переменные и барьеры</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="418"/>
        <source>Futures</source>
        <translation>Объекты Future</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="419"/>
        <source>Tasks (asyncio)</source>
        <translation>Задачи (asyncio)</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="420"/>
        <source>Processes</source>
        <translation>Процессы</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="421"/>
        <source>Pipes (connection ends)</source>
        <translation>Каналы Pipe (концы соединений)</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="422"/>
        <source>Data races</source>
        <translation>Гонки данных</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="423"/>
        <source>Errors</source>
        <translation>Ошибки</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/panels/InspectorModel.cpp" line="432"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="445"/>
        <source>%1 %2</source>
        <extracomment>a number of tasks and the state they are in, as in &quot;9998 waiting&quot;</extracomment>
        <translation>%2: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="455"/>
        <location filename="../../app/panels/InspectorModel.cpp" line="457"/>
        <source>awaits %1</source>
        <translation>ожидает %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="458"/>
        <source>with a timeout</source>
        <translation>с тайм-аутом</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="469"/>
        <source>awaited by %1</source>
        <translation>её ожидают: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="479"/>
        <source>multiprocessing.Value in shared memory</source>
        <translation>multiprocessing.Value в общей памяти</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="480"/>
        <source>multiprocessing.Array in shared memory</source>
        <translation>multiprocessing.Array в общей памяти</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="483"/>
        <source>depth %1</source>
        <translation>глубина %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="492"/>
        <source>slots: %1</source>
        <translation>слоты: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="500"/>
        <source>ran on %1</source>
        <translation>выполнялся в %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="503"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="505"/>
        <source>%1 sent by %2</source>
        <translation>%1 от %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="508"/>
        <source>in %1()</source>
        <translation>в %1()</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="511"/>
        <source>written by %1 at step %2</source>
        <translation>записал %1 на шаге %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="514"/>
        <source>no lock, join or event orders these two accesses</source>
        <translation>эти два доступа не упорядочены ни блокировкой, ни join, ни событием</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="518"/>
        <source>other end: %1</source>
        <translation>другой конец: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="519"/>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="524"/>
        <source>waiting: %1</source>
        <translation>ожидают: %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="611"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="612"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../app/panels/InspectorModel.cpp" line="613"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>lockstep::app::LearnPanel</name>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="215"/>
        <source>Challenges: make something happen by choosing the next thread yourself, or prevent it in every schedule. Predictions: say what a run will show, then watch it.</source>
        <translation>Задания: добейтесь, чтобы что-то случилось, сами выбирая следующий поток, или сделайте так, чтобы это не случилось ни при каком расписании. Предсказания: скажите, что покажет прогон, и посмотрите.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="217"/>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="218"/>
        <source>Start the chosen challenge or prediction (Enter, or a double-click)</source>
        <translation>Начать выбранное задание или предсказание (Enter или двойной щелчок)</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="219"/>
        <source>Hint</source>
        <translation>Подсказка</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="220"/>
        <source>Show the next hint; after the last one, ask exploration</source>
        <translation>Показать следующую подсказку; после последней — спросить перебор</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="221"/>
        <location filename="../../app/learn/LearnPanel.cpp" line="393"/>
        <source>Explore every schedule: can the goal be reached, and how quickly?</source>
        <translation>Перебрать все расписания: достижима ли цель и как быстро?</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="222"/>
        <source>Show me</source>
        <translation>Покажи</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="223"/>
        <source>Play the quickest schedule exploration found, step by step</source>
        <translation>Проиграть по шагам самое короткое расписание, найденное перебором</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="224"/>
        <source>Start again</source>
        <translation>Заново</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="225"/>
        <source>Load the challenge&apos;s run again from its first step</source>
        <translation>Загрузить прогон задания заново с первого шага</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="226"/>
        <location filename="../../app/learn/LearnPanel.cpp" line="232"/>
        <source>All challenges</source>
        <translation>Все задания</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="227"/>
        <source>The winning schedule as a replay token: paste it into File &gt; Replay, or use &apos;lockstep run --replay TOKEN&apos;</source>
        <translation>Выигрышное расписание как токен воспроизведения: &apos;lockstep run --replay ТОКЕН&apos; или &apos;lockstep --replay ТОКЕН&apos;</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="229"/>
        <source>Run it and see</source>
        <translation>Запустить и посмотреть</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="230"/>
        <source>Every outcome</source>
        <translation>Все исходы</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="231"/>
        <source>Explore every schedule and show how often each outcome comes (Explore panel)</source>
        <translation>Перебрать все расписания и показать, как часто бывает каждый исход (панель «Перебор»)</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="281"/>
        <source> (prevent it)</source>
        <translation> (предотвратить)</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="285"/>
        <source>Predictions</source>
        <translation>Предсказания</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="385"/>
        <source>Goal: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="386"/>
        <source>Must never happen: %1</source>
        <translation>Не должно случиться никогда: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="387"/>
        <source>Within %n steps.</source>
        <translation>
            <numerusform>Не более чем за %n шаг.</numerusform>
            <numerusform>Не более чем за %n шага.</numerusform>
            <numerusform>Не более чем за %n шагов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="388"/>
        <source>You are the scheduler: at every step, pick the thread that runs next in the scheduler bar. Step back (Shift+F10) to undo a choice.</source>
        <translation>Планировщик — вы: на каждом шаге выбирайте на панели «Кто идёт следующим», какой поток выполняется. Шаг назад (Shift+F10) отменяет выбор.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="391"/>
        <source>Check my fix</source>
        <translation>Проверить исправление</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="391"/>
        <source>Is it possible?</source>
        <translation>Это возможно?</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="392"/>
        <source>Explore every schedule of the run on screen: can the goal still happen?</source>
        <translation>Перебрать все расписания прогона на экране: может ли цель всё ещё случиться?</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="404"/>
        <source>The run on screen is not this challenge&apos;s: press Start again to play it.</source>
        <translation>На экране не прогон этого задания: нажмите «Заново», чтобы играть.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="409"/>
        <source>This goal cannot be followed in this run: %1</source>
        <translation>За этой целью нельзя следить в этом прогоне: %1</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="413"/>
        <source>In this run it happens, at step %1. Fix the program so that no schedule can do this, then press Check my fix.</source>
        <translation>В этом прогоне это случается на шаге %1. Исправьте программу так, чтобы ни одно расписание не могло этого сделать, и нажмите «Проверить исправление».</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="417"/>
        <source>Fix the program (edit it, or change its parameters), then press Check my fix: every schedule will be tried.</source>
        <translation>Исправьте программу (отредактируйте её или измените параметры) и нажмите «Проверить исправление»: будут испробованы все расписания.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="423"/>
        <source>%1 Won at step %2!</source>
        <translation>%1 Победа на шаге %2!</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="425"/>
        <source>That was the schedule shown to you: press Start again and win it yourself.</source>
        <translation>Это было показанное вам расписание: нажмите «Заново» и выиграйте сами.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="426"/>
        <source>Choose every thread yourself to count it: press Start again.</source>
        <translation>Чтобы победа засчиталась, выбирайте каждый поток сами: нажмите «Заново».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="437"/>
        <source>Not within %n steps: step back (Shift+F10) and choose another thread, or start again.</source>
        <translation>
            <numerusform>Не уложились в %n шаг: вернитесь (Shift+F10) и выберите другой поток или начните заново.</numerusform>
            <numerusform>Не уложились в %n шага: вернитесь (Shift+F10) и выберите другой поток или начните заново.</numerusform>
            <numerusform>Не уложились в %n шагов: вернитесь (Shift+F10) и выберите другой поток или начните заново.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="439"/>
        <source>The run ended without reaching the goal: step back (Shift+F10) to an earlier choice and pick another thread, or start again.</source>
        <translation>Прогон закончился, а цель не достигнута: вернитесь (Shift+F10) к более раннему выбору и выберите другой поток или начните заново.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="443"/>
        <source>Playing: step %1%2. Pick the next thread in the scheduler bar.</source>
        <translation>Игра: шаг %1%2. Выберите следующий поток на панели планировщика.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="445"/>
        <source> of at most %1</source>
        <translation> из не более чем %1</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="449"/>
        <source>Loading...</source>
        <translation>Загрузка...</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="456"/>
        <source>Hint %1: %2</source>
        <translation>Подсказка %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="460"/>
        <source>Why it works: %1</source>
        <translation>Почему это работает: %1</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="484"/>
        <source>Exploring every schedule...</source>
        <translation>Перебираю все расписания...</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="492"/>
        <source>Exploration could not follow the goal: %1</source>
        <translation>Перебор не смог проследить за целью: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="494"/>
        <source>Your fix holds: none of the %n schedules can do it (every schedule was tried).</source>
        <translation>
            <numerusform>Исправление работает: ни одно из %n расписания этого не делает (испробованы все).</numerusform>
            <numerusform>Исправление работает: ни одно из %n расписаний этого не делает (испробованы все).</numerusform>
            <numerusform>Исправление работает: ни одно из %n расписаний этого не делает (испробованы все).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="501"/>
        <source>Not yet: %1 of %n schedules still do it; Show me plays the quickest, which does it at step %2.</source>
        <translation>
            <numerusform>Пока нет: %1 из %n расписания всё ещё это делают; «Покажи» проиграет самое короткое (на шаге %2).</numerusform>
            <numerusform>Пока нет: %1 из %n расписаний всё ещё это делают; «Покажи» проиграет самое короткое (на шаге %2).</numerusform>
            <numerusform>Пока нет: %1 из %n расписаний всё ещё это делают; «Покажи» проиграет самое короткое (на шаге %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="506"/>
        <source>It is possible: %1 of the %n schedules explored reach the goal; the quickest reaches it at step %2. Show me plays it.</source>
        <translation>
            <numerusform>Это возможно: %1 из %n перебранного расписания достигают цели; самое быстрое — на шаге %2. «Покажи» проиграет его.</numerusform>
            <numerusform>Это возможно: %1 из %n перебранных расписаний достигают цели; самое быстрое — на шаге %2. «Покажи» проиграет его.</numerusform>
            <numerusform>Это возможно: %1 из %n перебранных расписаний достигают цели; самое быстрое — на шаге %2. «Покажи» проиграет его.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="511"/>
        <source>Impossible: none of the %n schedules reaches the goal (every schedule was tried).</source>
        <translation>
            <numerusform>Невозможно: ни одно из %n расписания не достигает цели (испробованы все).</numerusform>
            <numerusform>Невозможно: ни одно из %n расписаний не достигает цели (испробованы все).</numerusform>
            <numerusform>Невозможно: ни одно из %n расписаний не достигает цели (испробованы все).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="514"/>
        <source>No schedule of the %n explored reaches the goal, but not every schedule was tried.</source>
        <translation>
            <numerusform>Ни одно из %n перебранного расписания не достигает цели, но испробованы не все.</numerusform>
            <numerusform>Ни одно из %n перебранных расписаний не достигает цели, но испробованы не все.</numerusform>
            <numerusform>Ни одно из %n перебранных расписаний не достигает цели, но испробованы не все.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="568"/>
        <source>Predict</source>
        <translation>Предскажите</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="597"/>
        <source>Working out the possible answers (every schedule is explored)...</source>
        <translation>Вычисляю возможные ответы (перебираются все расписания)...</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="598"/>
        <source>The answer cannot be worked out: %1</source>
        <translation>Ответ нельзя вычислить: %1</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="599"/>
        <source>Choose your answer, then run the program to see.</source>
        <translation>Выберите ответ, затем запустите программу и посмотрите.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="607"/>
        <source>Right: the run gave %1.</source>
        <translation>Верно: прогон дал %1.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="608"/>
        <source>This run gave %1; you said %2.</source>
        <translation>Этот прогон дал %1, а вы сказали %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/learn/LearnPanel.cpp" line="613"/>
        <source>%1 in %n schedules</source>
        <translation>
            <numerusform>%1 — в %n расписании</numerusform>
            <numerusform>%1 — в %n расписаниях</numerusform>
            <numerusform>%1 — в %n расписаниях</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="614"/>
        <source>%1 in none</source>
        <translation>%1 — ни в одном</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="616"/>
        <source>Every schedule explored: %1.</source>
        <translation>Все перебранные расписания: %1.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="618"/>
        <source>Run one after the other, it gives %1.</source>
        <translation>Если потоки выполняются друг за другом, получается %1.</translation>
    </message>
    <message>
        <location filename="../../app/learn/LearnPanel.cpp" line="620"/>
        <source>Running...</source>
        <translation>Выполняется...</translation>
    </message>
</context>
<context>
    <name>lockstep::app::MainWindow</name>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="468"/>
        <source>Lockstep</source>
        <translation>Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="471"/>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="486"/>
        <source>Run the scenario again from the start with the same settings</source>
        <translation>Запустить сценарий заново с начала с теми же настройками</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="487"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="487"/>
        <source>Move the cursor one step back over the recorded run</source>
        <translation>Переместить курсор на один шаг назад по записанному прогону</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="488"/>
        <source>One scheduling step forward</source>
        <translation>Один шаг планирования вперёд</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="489"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="475"/>
        <source>&amp;Run</source>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="386"/>
        <source>About Lockstep</source>
        <translation>О программе Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="468"/>
        <source>Lockstep - %1</source>
        <translation>Lockstep - %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="471"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="471"/>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="471"/>
        <source>Output</source>
        <translation>Вывод</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="471"/>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="476"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="477"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="478"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="479"/>
        <source>Controls</source>
        <translation>Управление</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="486"/>
        <source>Restart</source>
        <translation>Заново</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="488"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="489"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="474"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="373"/>
        <source>Guide</source>
        <translation>Руководство</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="387"/>
        <source>&lt;h3&gt;Lockstep %1&lt;/h3&gt;&lt;p&gt;See concurrency one scheduling decision at a time: every thread is a real OS thread, and a tracing scheduler lets one run at a time.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keys&lt;/b&gt;: F10 step, Shift+F10 step back, F5 run/pause, Ctrl+F5 run to the end, Ctrl+D run to the next deadlock, Ctrl+R restart, Ctrl+wheel or +/- zoom, Ctrl+0 fit, Ctrl+T time or step axis, Ctrl+E export the timeline, Ctrl+Shift+E explore the schedules, Ctrl+O open your own Python program, Ctrl+S save the edited program.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lockstep %1&lt;/h3&gt;&lt;p&gt;Наблюдайте за конкурентностью по одному решению планировщика за раз: каждый поток — настоящий поток ОС, а трассирующий планировщик позволяет выполняться только одному из них в каждый момент.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Клавиши&lt;/b&gt;: F10 — шаг, Shift+F10 — шаг назад, F5 — запуск/пауза, Ctrl+F5 — выполнить до конца, Ctrl+D — выполнить до следующей взаимоблокировки, Ctrl+R — заново, Ctrl+колесо мыши или +/- — масштаб, Ctrl+0 — вписать, Ctrl+T — ось времени или шагов, Ctrl+E — экспорт временной шкалы, Ctrl+Shift+E — перебор расписаний, Ctrl+O — открыть свою программу на Python, Ctrl+S — сохранить изменённую программу.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="472"/>
        <source>Explore</source>
        <translation>Перебор</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="472"/>
        <source>Story</source>
        <translation>Рассказ</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="490"/>
        <source>Run step by step at the chosen speed, or pause</source>
        <translation>Выполнять по шагам с выбранной скоростью или поставить на паузу</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="491"/>
        <source>Run to end</source>
        <translation>До конца</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="491"/>
        <source>Run until the scenario ends (a long run shows progress and can be paused)</source>
        <translation>Выполнять до завершения сценария (долгий прогон показывает ход выполнения, его можно приостановить)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="492"/>
        <source>Run to deadlock</source>
        <translation>До взаимоблокировки</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="492"/>
        <source>Run until a wait-for cycle closes, or the end</source>
        <translation>Выполнять, пока не замкнётся цикл ожидания или не наступит конец</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="493"/>
        <source>Explore schedules</source>
        <translation>Перебрать расписания</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="494"/>
        <source>Run many schedules of this scenario, count the outcomes and replay any of them</source>
        <translation>Выполнить много расписаний сценария, подсчитать исходы и воспроизвести любой из них</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="495"/>
        <source>Find scenario</source>
        <translation>Найти сценарий</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="495"/>
        <source>Search the scenarios by name or description</source>
        <translation>Искать сценарии по названию или описанию</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="496"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="496"/>
        <source>Zoom the timeline in</source>
        <translation>Увеличить масштаб временной шкалы</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="497"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="497"/>
        <source>Zoom the timeline out</source>
        <translation>Уменьшить масштаб временной шкалы</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="498"/>
        <source>Fit</source>
        <translation>Вписать</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="498"/>
        <source>Show the whole run</source>
        <translation>Показать весь прогон</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="499"/>
        <source>Time axis</source>
        <translation>Ось времени</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="499"/>
        <source>Show virtual time instead of steps on the timeline&apos;s axis</source>
        <translation>Показывать на оси временной шкалы виртуальное время вместо шагов</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="500"/>
        <source>Show all cause→effect arrows</source>
        <translation>Показывать все стрелки причина→следствие</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="501"/>
        <source>Draw every arrow from a cause to its effect (a release to the acquire it let through, a set to the waits it woke, a put to the get...), not only those of the step at the cursor</source>
        <translation>Рисовать все стрелки от причины к следствию (release к acquire, которому он дал пройти, set к разбуженным wait, put к get...), а не только стрелки шага под курсором</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="503"/>
        <source>Timeline legend</source>
        <translation>Легенда временной шкалы</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="504"/>
        <source>Show the legend under the timeline: what each colour and mark of this run means</source>
        <translation>Показывать легенду под временной шкалой: что значит каждый цвет и значок этого прогона</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="505"/>
        <source>Show internals</source>
        <translation>Показывать внутренние объекты</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="506"/>
        <source>Show the locks, events and conditions the standard library makes for itself (a thread&apos;s _started, a queue&apos;s not_full) in every view; hidden, a thread waiting on one is shown waiting inside your call</source>
        <translation>Показывать во всех панелях блокировки, события и условия, которые стандартная библиотека создаёт для себя (_started потока, not_full очереди); когда они скрыты, поток, ожидающий на таком объекте, показан ждущим внутри вашего вызова</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="508"/>
        <source>&amp;Layout</source>
        <translation>&amp;Расположение</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="472"/>
        <location filename="../../app/gui/MainWindow.cpp" line="513"/>
        <source>Learn</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="213"/>
        <source>Challenge won! Your progress is saved (Learn panel).</source>
        <translation>Задание выполнено! Прогресс сохранён (панель «Обучение»).</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="349"/>
        <source>Reset progress</source>
        <translation>Сбросить прогресс</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="350"/>
        <source>Forget every challenge you have won?</source>
        <translation>Забыть все выполненные задания?</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="509"/>
        <source>L&amp;earn</source>
        <translation>&amp;Обучение</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="510"/>
        <source>&amp;Challenges and predictions</source>
        <translation>&amp;Задания и предсказания</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="511"/>
        <source>Play the scheduler to make a bug happen, prevent it in every schedule, or predict what a run shows</source>
        <translation>Побудьте планировщиком: вызовите ошибку, предотвратите её при любом расписании или предскажите, что покажет прогон</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="512"/>
        <source>&amp;Reset progress...</source>
        <translation>&amp;Сбросить прогресс...</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="512"/>
        <source>Forget which challenges you have won</source>
        <translation>Забыть, какие задания выполнены</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="514"/>
        <source>Timeline, code and story in sight; scenarios, inspector, charts and explore as tabs (fits a laptop)</source>
        <translation>Временная шкала, код и рассказ на виду; сценарии, инспектор, графики и перебор — вкладками (помещается на экране ноутбука)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="515"/>
        <source>Full</source>
        <translation>Полное</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="515"/>
        <source>Every panel in sight at once (for a large screen)</source>
        <translation>Все панели на виду сразу (для большого экрана)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="516"/>
        <source>Export timeline...</source>
        <translation>Экспорт временной шкалы...</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="516"/>
        <source>Save the timeline as PNG, SVG or PDF</source>
        <translation>Сохранить временную шкалу в PNG, SVG или PDF</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="517"/>
        <source>Export chart...</source>
        <translation>Экспорт графика...</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="517"/>
        <source>Save the chart on show as PNG or SVG</source>
        <translation>Сохранить показанный график в PNG или SVG</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="518"/>
        <source>Export trace...</source>
        <translation>Экспорт трассы...</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="518"/>
        <source>Save the trace as Chrome Trace Event JSON (opens in Perfetto)</source>
        <translation>Сохранить трассу в формате Chrome Trace Event JSON (открывается в Perfetto)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="519"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="519"/>
        <source>Close Lockstep</source>
        <translation>Закрыть Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="520"/>
        <source>&amp;Open Python program...</source>
        <translation>&amp;Открыть программу на Python...</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="521"/>
        <source>Open your own Python program (.py) and run its threads under the scheduler</source>
        <translation>Открыть свою программу на Python (.py) и выполнять её потоки под управлением планировщика</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="522"/>
        <source>&amp;Save program</source>
        <translation>&amp;Сохранить программу</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="522"/>
        <source>Save the edited program and load it again from the start</source>
        <translation>Сохранить изменённую программу и загрузить её заново с начала</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="523"/>
        <source>Clear the list</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="523"/>
        <source>Forget the recently opened programs</source>
        <translation>Забыть недавно открытые программы</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="524"/>
        <source>Recent &amp;programs</source>
        <translation>Недавние &amp;программы</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="525"/>
        <source>&amp;Guide</source>
        <translation>&amp;Руководство</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="525"/>
        <source>What each part of the window shows, and how to be the scheduler</source>
        <translation>Что показывает каждая часть окна и как самому быть планировщиком</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="526"/>
        <source>&amp;About Lockstep</source>
        <translation>&amp;О программе Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="526"/>
        <source>What Lockstep is, and its keys</source>
        <translation>Что такое Lockstep и его клавиши</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="528"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="531"/>
        <source>Speed: %1 steps/s</source>
        <translation>Скорость: %1 шагов/с</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="532"/>
        <source>Steps per second when running step by step</source>
        <translation>Число шагов в секунду при пошаговом выполнении</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="611"/>
        <source>Cannot read the lesson</source>
        <translation>Не удаётся прочитать урок</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="616"/>
        <source>This program has a lesson: its challenges are in the Learn panel.</source>
        <translation>У этой программы есть урок: его задания — на панели «Обучение».</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="730"/>
        <source>Cannot replay</source>
        <translation>Не удаётся воспроизвести</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="734"/>
        <source>Replaying the chosen schedule: step through it with F10, or run it to the end with Ctrl+F5.</source>
        <translation>Воспроизводится выбранное расписание: идите по шагам клавишей F10 или выполните до конца через Ctrl+F5.</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="789"/>
        <source>Running... %1 steps</source>
        <translation>Выполнение... шагов: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="794"/>
        <source>Cannot do that</source>
        <translation>Невозможно выполнить</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="800"/>
        <source>A deadlock formed: see the wait-for graph</source>
        <translation>Возникла взаимоблокировка: см. граф ожидания</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="881"/>
        <source>Loading...</source>
        <translation>Загрузка...</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="881"/>
        <source>Pick a scenario on the left and press Load.</source>
        <translation>Выберите сценарий слева и нажмите «Загрузить».</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="884"/>
        <source>step %1 / %2   t = %3</source>
        <translation>шаг %1 / %2   t = %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="892"/>
        <source>ended: %1 at t = %2</source>
        <translation>завершено: %1 при t = %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="903"/>
        <source>looking back: a thread&apos;s Step button under the timeline branches the run here</source>
        <translation>просмотр истории: кнопка «Шаг» потока под временной шкалой начинает отсюда новую ветку прогона</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="905"/>
        <source>manual: pick the thread that runs next with its Step button under the timeline (keys 1-9)</source>
        <translation>ручной режим: выберите поток, который выполнится следующим, кнопкой «Шаг» под временной шкалой (клавиши 1-9)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="907"/>
        <source>running...</source>
        <translation>выполняется...</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="948"/>
        <source>Open Python program</source>
        <translation>Открыть программу на Python</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="949"/>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Программы на Python (*.py);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="958"/>
        <source>Cannot open the program</source>
        <translation>Не удаётся открыть программу</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="981"/>
        <location filename="../../app/gui/MainWindow.cpp" line="1019"/>
        <source>Cannot save the program</source>
        <translation>Не удаётся сохранить программу</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="989"/>
        <source>The program has an error</source>
        <translation>В программе ошибка</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="990"/>
        <source>%1 was saved, but it cannot run:

%2</source>
        <translation>Программа %1 сохранена, но выполнить её нельзя:

%2</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="998"/>
        <source>Saved %1 and loaded it again from the start</source>
        <translation>Программа %1 сохранена и загружена заново с начала</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1010"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1011"/>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>В %1 есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1067"/>
        <source>(none yet)</source>
        <translation>(пока нет)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1089"/>
        <location filename="../../app/gui/MainWindow.cpp" line="1100"/>
        <location filename="../../app/gui/MainWindow.cpp" line="1112"/>
        <source>Export failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1090"/>
        <location filename="../../app/gui/MainWindow.cpp" line="1101"/>
        <location filename="../../app/gui/MainWindow.cpp" line="1113"/>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1096"/>
        <source>Export chart</source>
        <translation>Экспорт графика</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1097"/>
        <source>Images (*.png *.svg)</source>
        <translation>Изображения (*.png *.svg)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1107"/>
        <source>Export trace</source>
        <translation>Экспорт трассы</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1108"/>
        <source>Chrome Trace Event JSON (*.json)</source>
        <translation>Chrome Trace Event JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="1112"/>
        <source>Cannot write %1</source>
        <translation>Не удаётся записать %1</translation>
    </message>
</context>
<context>
    <name>lockstep::app::OutputModel</name>
    <message>
        <location filename="../../app/panels/OutputModel.cpp" line="91"/>
        <source>Step %1: click to move the cursor there</source>
        <translation>Шаг %1: щёлкните, чтобы переместить туда курсор</translation>
    </message>
    <message>
        <location filename="../../app/panels/OutputModel.cpp" line="92"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <location filename="../../app/panels/OutputModel.cpp" line="125"/>
        <source>Time (s)</source>
        <translation>Время (с)</translation>
    </message>
    <message>
        <location filename="../../app/panels/OutputModel.cpp" line="126"/>
        <source>Thread</source>
        <translation>Поток</translation>
    </message>
    <message>
        <location filename="../../app/panels/OutputModel.cpp" line="126"/>
        <source>Process / thread</source>
        <translation>Процесс / поток</translation>
    </message>
    <message>
        <location filename="../../app/panels/OutputModel.cpp" line="127"/>
        <source>Output</source>
        <translation>Вывод</translation>
    </message>
</context>
<context>
    <name>lockstep::app::ScenarioBrowser</name>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="200"/>
        <source>Search scenarios (Ctrl+F)</source>
        <translation>Поиск сценариев (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="362"/>
        <source>Cannot load: %1: %2</source>
        <translation>Нельзя загрузить: %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="201"/>
        <source>Filters by id, title and description</source>
        <translation>Фильтрует по id, названию и описанию</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="202"/>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="203"/>
        <source>This scenario has no parameters.</source>
        <translation>У этого сценария нет параметров.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="204"/>
        <source>Run settings</source>
        <translation>Настройки прогона</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="205"/>
        <source>&amp;Policy:</source>
        <translation>&amp;Политика:</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="211"/>
        <source>The running thread goes on until it blocks, sleeps, yields, ends or uses up its quantum while another thread waits for a core; then the thread that has been ready longest runs. The same run every time.</source>
        <translation>Выполняющийся поток работает, пока не заблокируется, не уснёт, не уступит управление, не завершится или не исчерпает свой квант, когда другой поток ждёт ядро; затем выполняется поток, который дольше всех готов. Прогон каждый раз одинаков.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="214"/>
        <source>At every decision a thread is picked at random among those that can run. The seed makes the run repeatable: change it to see another interleaving.</source>
        <translation>При каждом решении поток выбирается случайно среди тех, что могут выполняться. Зерно делает прогон воспроизводимым: измените его, чтобы увидеть другое чередование.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="216"/>
        <source>A switch happens only when the running thread blocks, sleeps, yields or ends; a CPU burst is never preempted, as with asyncio tasks.</source>
        <translation>Переключение происходит, только когда выполняющийся поток блокируется, засыпает, уступает управление или завершается; вычислительный участок никогда не вытесняется — как у задач asyncio.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="218"/>
        <source>You pick the next thread yourself at every decision that has more than one candidate.</source>
        <translation>Вы сами выбираете следующий поток при каждом решении, в котором больше одного кандидата.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="224"/>
        <source>Who runs next when more than one thread could</source>
        <translation>Кто выполняется следующим, когда выполняться могут несколько потоков</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="225"/>
        <source>&amp;Seed:</source>
        <translation>З&amp;ерно:</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="226"/>
        <source>Seed of the random policy: the same seed gives the same run</source>
        <translation>Зерно случайной политики: одно и то же зерно даёт один и тот же прогон</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="227"/>
        <source>&amp;Cores:</source>
        <translation>Я&amp;дра:</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="228"/>
        <source>Virtual cores: how many threads can compute at the same time (1 to %1)</source>
        <translation>Виртуальные ядра: сколько потоков могут вычислять одновременно (от 1 до %1)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="230"/>
        <source>Sand&amp;box</source>
        <translation>П&amp;есочница</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="231"/>
        <source>Run your program in a sandbox: no network, the files read-only except a scratch directory, tighter limits. For programs you did not write; applies from the next Load.</source>
        <translation>Запускать программу в песочнице: без сети, файлы только для чтения, кроме рабочего каталога, более строгие ограничения. Для чужих программ; действует со следующей загрузки.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="233"/>
        <source>&amp;GIL</source>
        <translation>&amp;GIL</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="234"/>
        <source>Model CPython&apos;s global interpreter lock: only one thread runs Python code at a time, however many cores there are</source>
        <translation>Моделировать глобальную блокировку интерпретатора CPython (GIL): в каждый момент код Python выполняет только один поток, сколько бы ни было ядер</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="236"/>
        <source>&amp;Quantum:</source>
        <translation>&amp;Квант:</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="237"/>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="238"/>
        <source>How long a CPU burst keeps its core before a preemptive policy lets another thread have it</source>
        <translation>Сколько вычислительный участок удерживает ядро, прежде чем вытесняющая политика отдаст его другому потоку</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="240"/>
        <source>&amp;Load</source>
        <translation>З&amp;агрузить</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="241"/>
        <source>Load the scenario with these parameters and settings (or double-click it)</source>
        <translation>Загрузить сценарий с этими параметрами и настройками (или дважды щёлкните по нему)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="453"/>
        <source>Make every bytecode instruction of your program a scheduling point, not only every line: counter += 1 is then a load, an add and a store, and another thread can run between any two of them. Off: threads switch only between lines. (command line: --param %1=1)</source>
        <translation>Сделать точкой переключения каждую инструкцию байт-кода вашей программы, а не только каждую строку: тогда counter += 1 — это чтение, сложение и запись, и между любыми двумя из них может выполниться другой поток. Если выключено, потоки переключаются только между строками. (командная строка: --param %1=1)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="459"/>
        <source>Your program&apos;s Python code takes virtual time, about as long as CPython takes on a laptop: two threads computing then take twice as long as one with the GIL on (uncheck GIL to see a free-threaded Python on 2 cores). Off: only sleeps and timeouts move the clock, for when you want only the interleaving. (command line: --param %1=0)</source>
        <translation>Код вашей программы занимает виртуальное время, примерно столько же, сколько в CPython на ноутбуке: два вычисляющих потока при включённом GIL работают вдвое дольше одного (снимите GIL, чтобы увидеть Python без GIL на 2 ядрах). Выключено: часы двигают только sleep и тайм-ауты, если вас интересует лишь чередование. (командная строка: --param %1=0)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="466"/>
        <source>%1: checked is 1, unchecked 0; default %2 (command line: --param %3=0 or 1)</source>
        <translation>%1: флажок установлен — 1, снят — 0; по умолчанию %2 (командная строка: --param %3=0 или 1)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="474"/>
        <source>What time.time(), datetime.now() and logging read when the run starts; from there they go on with the virtual clock, so a sleep of 2 s moves them 2 s. It is the moment you opened the program, and a replay keeps it (command line: --param %1=SECONDS since 1970)</source>
        <translation>Что читают time.time(), datetime.now() и logging в начале прогона; дальше они идут по виртуальным часам, так что sleep на 2 с сдвигает их на 2 с. Это момент, когда вы открыли программу; повтор прогона сохраняет его (командная строка: --param %1=СЕКУНДЫ с 1970 года)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="481"/>
        <source>%1: from %2 to %3, default %4 (command line: --param %5=VALUE)</source>
        <translation>%1: от %2 до %3, по умолчанию %4 (командная строка: --param %5=ЗНАЧЕНИЕ)</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="493"/>
        <source>Pick a scenario above to read what it shows, set its parameters and load it.</source>
        <translation>Выберите сценарий выше, чтобы прочитать, что он показывает, задать параметры и загрузить его.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="499"/>
        <source>Your own Python program, run by the scheduler: each line is a step (or each bytecode instruction, with the switch below). Edit it in the code view: it is saved and reloaded before the next run.</source>
        <translation>Ваша собственная программа на Python под управлением планировщика: каждая строка — шаг (или каждая инструкция байт-кода, если включить переключатель ниже). Правьте её в панели кода: перед следующим выполнением она сохраняется и загружается заново.</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioBrowser.cpp" line="506"/>
        <source>The program</source>
        <translation>Программа</translation>
    </message>
</context>
<context>
    <name>lockstep::app::ScenarioCatalogModel</name>
    <message>
        <location filename="../../app/panels/ScenarioCatalogModel.cpp" line="45"/>
        <source>Your programs</source>
        <translation>Ваши программы</translation>
    </message>
    <message>
        <location filename="../../app/panels/ScenarioCatalogModel.cpp" line="70"/>
        <source>Challenges (Learn panel):</source>
        <translation>Задания (панель «Обучение»):</translation>
    </message>
</context>
<context>
    <name>lockstep::app::SchedulerBar</name>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="68"/>
        <source>%1 waits inside %2.</source>
        <translation>%1 ждёт внутри %2.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="71"/>
        <source>%1 waits in join() for %2 to finish.</source>
        <translation>%1 ждёт в join(), пока %2 не завершится.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="76"/>
        <source>%1 waits for %2 (%3), held by %4.</source>
        <translation>%1 ждёт %2 (%3), его держит %4.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="77"/>
        <source>%1 waits for %2 (%3).</source>
        <translation>%1 ждёт %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="86"/>
        <source>%1 sleeps until t = %2.</source>
        <translation>%1 спит до t = %2.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="89"/>
        <source>%1 sleeps.</source>
        <translation>%1 спит.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="91"/>
        <source>%1 is computing on a core.</source>
        <translation>%1 вычисляет на ядре.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="92"/>
        <source>%1 cannot take the next step (%2).</source>
        <translation>%1 не может сделать следующий шаг (%2).</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="101"/>
        <source>The run has ended.</source>
        <translation>Прогон закончен.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="106"/>
        <source>Who runs next:</source>
        <translation>Кто дальше:</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="107"/>
        <source>Pick the thread that takes the next step, in any policy. At a past step the run branches there: the steps after it are replaced by the new choice.</source>
        <translation>Выберите поток, который сделает следующий шаг, при любой политике. На прошлом шаге прогон ветвится: шаги после него заменяются новым выбором.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="146"/>
        <location filename="../../app/panels/SchedulerBar.cpp" line="174"/>
        <source>Step %1</source>
        <translation>Шаг %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="153"/>
        <source> (key %1)</source>
        <translation> (клавиша %1)</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="155"/>
        <source>Branch the run at step %1: %2 takes step %3 instead%4.</source>
        <translation>Ветвить прогон на шаге %1: шаг %3 сделает %2%4.</translation>
    </message>
    <message>
        <location filename="../../app/panels/SchedulerBar.cpp" line="156"/>
        <source>Let %1 take the next step%2.</source>
        <translation>Следующий шаг сделает %1%2.</translation>
    </message>
</context>
<context>
    <name>lockstep::app::StartPage</name>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="58"/>
        <source>Welcome to Lockstep</source>
        <translation>Добро пожаловать в Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="59"/>
        <source>Lockstep runs a concurrent program one scheduling decision at a time, on real threads and processes, and draws every step: who runs, who waits, and for what.</source>
        <translation>Lockstep выполняет параллельную программу по одному решению планировщика за раз, на настоящих потоках и процессах, и рисует каждый шаг: кто выполняется, кто ждёт и чего именно.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="61"/>
        <source>Step through a scenario, read what each step did in the Story, and choose who runs next to see another interleaving of the same program.</source>
        <translation>Проходите сценарий по шагам, читайте в «Рассказе», что сделал каждый шаг, и выбирайте, кто пойдёт следующим, чтобы увидеть другое чередование той же программы.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="63"/>
        <source>Start with one of these, in the course&apos;s order, or</source>
        <translation>Начните с одного из этих сценариев (в порядке курса) или</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="64"/>
        <source>open your own Python program</source>
        <translation>откройте свою программу на Python</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="65"/>
        <source>(Ctrl+O): its threads, locks and asyncio tasks are drawn the same way.</source>
        <translation>(Ctrl+O): её потоки, блокировки и задачи asyncio рисуются так же.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="66"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="70"/>
        <source>one step forward</source>
        <translation>один шаг вперёд</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="70"/>
        <source>one step back over the recorded run</source>
        <translation>один шаг назад по записанному прогону</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="71"/>
        <source>run at the chosen speed, or pause</source>
        <translation>выполнять с выбранной скоростью или приостановить</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="72"/>
        <source>let that thread take the next step (the buttons under the timeline)</source>
        <translation>следующий шаг делает этот поток (кнопки под временной шкалой)</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="73"/>
        <source>run the scenario again from the start</source>
        <translation>запустить сценарий заново с начала</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="73"/>
        <source>the guide to the window</source>
        <translation>руководство по окну</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="74"/>
        <source>Pick any scenario on the left and press Load, or click one above.</source>
        <translation>Выберите любой сценарий слева и нажмите «Загрузить» или щёлкните по одному из списка выше.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="83"/>
        <source>Guide to Lockstep</source>
        <translation>Руководство по Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="83"/>
        <source>A run, step by step</source>
        <translation>Прогон шаг за шагом</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="84"/>
        <source>Choose a scenario on the left (or File &gt; Open Python program) and press Load. Every thread is a real OS thread, but the scheduler lets exactly one run at a time: a step is what one thread does between two scheduling decisions. F10 takes one step, Shift+F10 goes back over the recorded run, F5 plays at the chosen speed.</source>
        <translation>Выберите сценарий слева (или «Файл &gt; Открыть программу на Python») и нажмите «Загрузить». Каждый поток — настоящий поток ОС, но планировщик позволяет выполняться ровно одному за раз: шаг — это то, что делает один поток между двумя решениями планировщика. F10 делает один шаг, Shift+F10 возвращается назад по записанному прогону, F5 проигрывает прогон с выбранной скоростью.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="88"/>
        <source>The timeline</source>
        <translation>Временная шкала</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="89"/>
        <source>One lane per thread, process or asyncio task, coloured by its state: running, ready (it could run but another one does), blocked (it waits for a lock, a join, a queue...), sleeping, computing on a core, done. Lanes of locks and semaphores show who holds them. Dashed arrows go from a cause to its effect (a release to the acquire it let through); a click on a lane moves the cursor there.</source>
        <translation>По дорожке на каждый поток, процесс или задачу asyncio, цвет — её состояние: выполняется, готов (мог бы выполняться, но выполняется другой), заблокирован (ждёт блокировку, join, очередь...), спит, вычисляет на ядре, завершён. Дорожки блокировок и семафоров показывают, кто их держит. Пунктирные стрелки ведут от причины к следствию (от release к acquire, который он пропустил); щелчок по дорожке переносит туда курсор.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="94"/>
        <source>Code, Story and Inspector</source>
        <translation>Код, Рассказ и Инспектор</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="95"/>
        <source>The code view marks each thread&apos;s current line with its name. The Story tells the step under the cursor in words: what the thread did, what it read or wrote, and why the scheduler went where it went. The Inspector lists every variable, lock, semaphore and queue at that step, each thread&apos;s local variables in a program of your own, and the data races found so far.</source>
        <translation>Окно кода отмечает текущую строку каждого потока его именем. «Рассказ» словами описывает шаг под курсором: что сделал поток, что он прочитал или записал и почему планировщик поступил именно так. Инспектор показывает на этом шаге каждую переменную, блокировку, семафор и очередь, локальные переменные каждого потока в вашей собственной программе и найденные к этому шагу гонки данных.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="99"/>
        <source>Be the scheduler</source>
        <translation>Будьте планировщиком</translation>
    </message>
    <message>
        <location filename="../../app/panels/StartPage.cpp" line="100"/>
        <source>The bar under the timeline has a button for each thread that can run: press one (or its number key) and that thread takes the next step. At a past step this branches the run. Run &gt; Explore schedules tries many schedules and counts the different outcomes; File &gt; Export saves the timeline as an image for slides.</source>
        <translation>На панели под временной шкалой есть кнопка для каждого потока, который может выполняться: нажмите её (или клавишу с её номером), и следующий шаг сделает этот поток. На прошедшем шаге это создаёт ответвление прогона. «Запуск &gt; Перебрать расписания» пробует много расписаний и считает разные исходы; «Файл &gt; Экспорт» сохраняет временную шкалу как картинку для слайдов.</translation>
    </message>
</context>
<context>
    <name>lockstep::app::StoryPanel</name>
    <message>
        <location filename="../../app/panels/StoryPanel.cpp" line="90"/>
        <source>(go to step %1)</source>
        <translation>(перейти к шагу %1)</translation>
    </message>
    <message>
        <location filename="../../app/panels/StoryPanel.cpp" line="93"/>
        <source>Verdict:</source>
        <translation>Итог:</translation>
    </message>
    <message>
        <location filename="../../app/panels/StoryPanel.cpp" line="114"/>
        <source>Step forward (F10): each step is told here.</source>
        <translation>Сделайте шаг (F10): здесь будет рассказано о каждом шаге.</translation>
    </message>
    <message>
        <location filename="../../app/panels/StoryPanel.cpp" line="115"/>
        <source>Load a scenario and step: each step is told here.</source>
        <translation>Загрузите сценарий и сделайте шаг: здесь будет рассказано о каждом шаге.</translation>
    </message>
</context>
<context>
    <name>lockstep::app::StoryText</name>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="24"/>
        <source>en_US</source>
        <comment>the locale whose decimal point the story&apos;s numbers use</comment>
        <translation>ru_RU</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="40"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="70"/>
        <source>Step %1</source>
        <translation>Шаг %1</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="74"/>
        <source>Step %1, t = %2, %3</source>
        <translation>Шаг %1, t = %2, %3</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="76"/>
        <source>Step %1, t = %2, %3, line %4</source>
        <translation>Шаг %1, t = %2, %3, строка %4</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="77"/>
        <source>Step %1, t = %2, %3, line %4: %5</source>
        <translation>Шаг %1, t = %2, %3, строка %4: %5</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="82"/>
        <source>the standard library</source>
        <translation>стандартной библиотеки</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="83"/>
        <source>the standard library (line %1)</source>
        <translation>стандартной библиотеки (строка %1)</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="92"/>
        <source>%1 is ready again: its wait inside %2 is over.</source>
        <translation>%1 снова готов: ожидание внутри %2 окончено.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="94"/>
        <source>%1 stopped waiting inside %2: its timeout ran out.</source>
        <translation>%1 перестал ждать внутри %2: истёк тайм-аут.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="96"/>
        <source>%1 waits inside %2: %1 is blocked.</source>
        <translation>%1 ждёт внутри %2: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="105"/>
        <source>%1 created %2 = %3.</source>
        <translation>%1 создал %2 = %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="106"/>
        <source>%1 created %2.</source>
        <translation>%1 создал %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="108"/>
        <source>%1 began running.</source>
        <translation>%1 начал работу.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="110"/>
        <source>%1 started %2: %2 is ready to run.</source>
        <translation>%1 запустил %2: %2 готов к работе.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="112"/>
        <source>%1 finished: its function returned.</source>
        <translation>%1 завершился: его функция вернула управление.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="114"/>
        <source>%1 died of an uncaught exception: %2.</source>
        <translation>%1 завершился из-за неперехваченного исключения: %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="116"/>
        <source>%1 read %2 = %3.</source>
        <translation>%1 прочитал %2 = %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="118"/>
        <source>%1 wrote %2 = %3.</source>
        <translation>%1 записал %2 = %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="120"/>
        <source>%1 wrote %2 = %3 over its own %4.</source>
        <translation>%1 записал %2 = %3 поверх своего же значения %4.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="121"/>
        <source>%1 wrote %2 = %3 over %4&apos;s %5.</source>
        <translation>%1 записал %2 = %3 поверх значения %5, которое записал %4.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="123"/>
        <source>%1 never read %2&apos;s %3 (written in step %4) before writing over it: %2&apos;s update is lost.</source>
        <translation>%1 так и не прочитал значение %3, которое записал %2 (шаг %4), и записал поверх него: обновление потока %2 потеряно.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="129"/>
        <source>Nothing orders this access to %1 after %2&apos;s write in step %3: a data race.</source>
        <translation>Этот доступ к %1 ничем не упорядочен с записью потока %2 на шаге %3: гонка данных.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="132"/>
        <source>Nothing orders this write to %1 after %2&apos;s read in step %3: a data race.</source>
        <translation>Эта запись в %1 ничем не упорядочена с чтением потока %2 на шаге %3: гонка данных.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="136"/>
        <source>%1 acquired %2.</source>
        <translation>%1 захватил %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="138"/>
        <source>%1 asked for %2, which %3 holds: %1 is now blocked, waiting for %2.</source>
        <translation>%1 пытается захватить %2, но %2 удерживает %3: теперь %1 заблокирован и ожидает %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="142"/>
        <source>%1 handed %2 on: its switch interval is over and another thread waits for it.</source>
        <translation>%1 передал %2 дальше: его интервал переключения истёк, а %2 ждёт другой поток.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="145"/>
        <source>%1 released %2: %3, which was waiting for it, is ready again.</source>
        <translation>%1 освободил %2: %3, который этого ожидал, снова готов.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="147"/>
        <source>%1 released %2.</source>
        <translation>%1 освободил %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="149"/>
        <source>%1 went to sleep for %2.</source>
        <translation>%1 заснул на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="152"/>
        <source>less than a microsecond</source>
        <translation>меньше микросекунды</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="154"/>
        <source>%1 computes on core %2 (%3 of work left).</source>
        <translation>%1 вычисляет на ядре %2 (осталось работы на %3).</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="155"/>
        <source>%1 has %2 of computing to do.</source>
        <translation>%1 должен выполнить вычисления на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="158"/>
        <source>%1&apos;s time slice is over with %2 of work left: it gives up its core.</source>
        <translation>Квант времени %1 истёк, осталось работы на %2: поток отдаёт своё ядро.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="161"/>
        <source>%1 finished computing.</source>
        <translation>%1 закончил вычисления.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="163"/>
        <source>%1 woke up: its sleep is over, it is ready again.</source>
        <translation>%1 проснулся: сон окончен, поток снова готов.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="165"/>
        <source>%1 slept for 0 s: it does not wait, but another ready thread may take the turn here.</source>
        <translation>%1 поспал 0 с: ждать не пришлось, но здесь ход может перейти к другому готовому потоку.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="169"/>
        <source>%1 waits for %2 to finish (join): %1 is blocked.</source>
        <translation>%1 ждёт завершения %2 (join): %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="171"/>
        <source>%1 waits for an item in %2, which is empty: %1 is blocked.</source>
        <translation>%1 ждёт элемент из %2, но очередь пуста: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="174"/>
        <source>%1 waits for room in %2, which is full: %1 is blocked.</source>
        <translation>%1 ждёт места в %2, но очередь заполнена: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="176"/>
        <source>%1 waits for %2, which has no free slot: %1 is blocked.</source>
        <translation>%1 ждёт %2, но свободных мест нет: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="178"/>
        <source>%1 waits for a message on %2: %1 is blocked.</source>
        <translation>%1 ждёт сообщение на %2: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="180"/>
        <source>%1 waits in as_completed() for the next future to finish: %1 is blocked.</source>
        <translation>%1 ждёт в as_completed(), пока завершится следующий future: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="183"/>
        <source>%1 waits for %2&apos;s result: %1 is blocked until a worker finishes it.</source>
        <translation>%1 ждёт результат %2: %1 заблокирован, пока рабочий поток его не вычислит.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="188"/>
        <source>%1 waits on condition %2, letting go of its lock: %1 is blocked until another thread notifies it.</source>
        <translation>%1 ждёт условие %2, отпустив его блокировку: %1 заблокирован, пока другой поток его не уведомит.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="193"/>
        <source>%1 waits at barrier %2 for the other threads to arrive: %1 is blocked.</source>
        <translation>%1 ждёт у барьера %2, пока подойдут остальные потоки: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="197"/>
        <source>%1 waits for event %2 to be set: %1 is blocked.</source>
        <translation>%1 ждёт, пока событие %2 будет установлено: %1 заблокирован.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="200"/>
        <source>%1 waits on %2: %1 is blocked until another thread lets it go on.</source>
        <translation>%1 ожидает на %2: %1 заблокирован, пока другой поток не позволит ему продолжить.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="204"/>
        <source>%1 is ready again: %2 has finished.</source>
        <translation>%1 снова готов: %2 завершился.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="205"/>
        <source>%1 is ready again: a future it waited for has finished.</source>
        <translation>%1 снова готов: один из ожидаемых future завершился.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="207"/>
        <source>%1 is ready again: %2 has its result.</source>
        <translation>%1 снова готов: у %2 есть результат.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="208"/>
        <source>%1 is ready again: its wait on %2 is over.</source>
        <translation>%1 снова готов: ожидание на %2 окончено.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="210"/>
        <source>%1 stopped waiting on %2: its timeout ran out.</source>
        <translation>%1 перестал ждать на %2: истёк тайм-аут.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="212"/>
        <source>%1 joined %2, which has finished.</source>
        <translation>%1 дождался завершения %2 (join).</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="214"/>
        <source>%1 put %2 into %3.</source>
        <translation>%1 положил %2 в %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="217"/>
        <source>%1 took %2 out of %3 (%4 put it there).</source>
        <translation>%1 взял %2 из %3 (туда его положил %4).</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="218"/>
        <source>%1 took %2 out of %3.</source>
        <translation>%1 взял %2 из %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="220"/>
        <source>%1 set %2: threads waiting on it may go on.</source>
        <translation>%1 установил %2: ожидающие его потоки могут продолжить.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="222"/>
        <source>%1 cleared %2.</source>
        <translation>%1 сбросил %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="225"/>
        <source>%1 notified every thread waiting on %2.</source>
        <translation>%1 разбудил все потоки, ожидающие на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="226"/>
        <source>%1 notified one thread waiting on %2.</source>
        <translation>%1 разбудил один поток, ожидающий на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="229"/>
        <source>%1&apos;s local variables: %2.</source>
        <translation>Локальные переменные %1: %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="230"/>
        <source>In %1(), %2 now has %3.</source>
        <translation>В %1() у %2 теперь %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="233"/>
        <source>%1 printed: %2</source>
        <translation>%1 напечатал: %2</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="235"/>
        <source>%1 raised %2.</source>
        <translation>%1 выбросил исключение %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="237"/>
        <source>%1 is at line %2: a scheduling point, where the scheduler may switch threads.</source>
        <translation>%1 на строке %2: это точка планирования, здесь планировщик может переключить потоки.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="244"/>
        <source>%1 has to wait, so the scheduler switched to %2.</source>
        <translation>%1 должен ждать, поэтому планировщик переключился на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="247"/>
        <source>%1 went to sleep, so the scheduler switched to %2.</source>
        <translation>%1 заснул, поэтому планировщик переключился на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="250"/>
        <source>%1 has finished, so the scheduler switched to %2.</source>
        <translation>%1 завершился, поэтому планировщик переключился на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="253"/>
        <source>%1 used up its time slice, so the scheduler switched to %2.</source>
        <translation>%1 исчерпал свой квант времени, поэтому планировщик переключился на %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="256"/>
        <source>The scheduler took the turn from %1, which could have gone on, and gave it to %2.</source>
        <translation>Планировщик забрал очередь у %1, хотя тот мог продолжать, и отдал её %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="263"/>
        <source>(More than one thread was ready; the policy picked %1.)</source>
        <translation>(Готовы были несколько потоков; политика выбрала %1.)</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="271"/>
        <source>%1 waits for %2</source>
        <translation>%1 ожидает %2</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="275"/>
        <source>Deadlock: %1. None of them can ever go on.</source>
        <translation>Взаимоблокировка: %1. Ни один из них уже не сможет продолжить.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="279"/>
        <source>The event loop in %1 started task %2.</source>
        <translation>Цикл событий в %1 запустил задачу %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="280"/>
        <source>The event loop in %1 resumed task %2 where it paused.</source>
        <translation>Цикл событий в %1 продолжил задачу %2 с того места, где она остановилась.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="283"/>
        <source>%1 paused at an await: asyncio.sleep(%2).</source>
        <translation>%1 остановилась на await: asyncio.sleep(%2).</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="285"/>
        <source>%1 paused at an await, waiting for %2.</source>
        <translation>%1 остановилась на await и ожидает %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="287"/>
        <source>%1 is ready again: it waits in the event loop&apos;s ready queue.</source>
        <translation>%1 снова готова: она ждёт в очереди готовых задач цикла событий.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="289"/>
        <source>%1 ended by raising %2.</source>
        <translation>%1 завершилась исключением %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="290"/>
        <source>%1 was cancelled.</source>
        <translation>%1 отменена.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="291"/>
        <source>%1 is done.</source>
        <translation>%1 завершена.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="293"/>
        <source>The event loop in %1 ran the callback %2.</source>
        <translation>Цикл событий в %1 выполнил обратный вызов %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="295"/>
        <source>%1 sent %2 through %3.</source>
        <translation>%1 отправил %2 через %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="298"/>
        <source>%1 received %2 on %3 (%4 sent it).</source>
        <translation>%1 получил %2 на %3 (отправил %4).</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="299"/>
        <source>%1 received %2 on %3.</source>
        <translation>%1 получил %2 на %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="301"/>
        <source>Process %1 exited with code %2.</source>
        <translation>Процесс %1 завершился с кодом %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/StoryText.cpp" line="306"/>
        <source>%1: %2 (%3)%4.</source>
        <translation>%1: %2 (%3)%4.</translation>
    </message>
</context>
<context>
    <name>lockstep::app::VerdictText</name>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="36"/>
        <source>%1 = %2; run one after the other it would be %3: the order in which the threads&apos; steps interleaved changed the result (the last store was %4&apos;s at step %5).</source>
        <translation>%1 = %2; если выполнить потоки один за другим, было бы %3: результат изменил порядок, в котором перемежались шаги потоков (последней была запись потока %4 на шаге %5).</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="101"/>
        <source>The run finished, with no shared variable to compare with the threads run one after the other.</source>
        <translation>Прогон закончился; общих переменных, чтобы сравнить с выполнением потоков один за другим, нет.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="30"/>
        <source>The run finished as it would with the threads run one after the other.</source>
        <translation>Прогон закончился так же, как закончился бы, если бы потоки выполнялись один за другим.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="31"/>
        <source>%1: the same as with the threads run one after the other.</source>
        <translation>%1: так же, как если бы потоки выполнялись один за другим.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="41"/>
        <source>%1 = %2; run one after the other it would be %3: the order in which the threads&apos; steps interleaved changed the result.</source>
        <translation>%1 = %2; если выполнить потоки один за другим, было бы %3: результат изменил порядок, в котором перемежались шаги потоков.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="44"/>
        <source>%1 = %2; run one after the other it would be %3: an update was lost (%4&apos;s store at step %5 was overwritten by %6&apos;s at step %7)</source>
        <translation>%1 = %2; если выполнить потоки один за другим, было бы %3: обновление потеряно (запись потока %4 на шаге %5 затёрта записью потока %6 на шаге %7)</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="50"/>
        <source>%1; %2 updates were lost in all.</source>
        <translation>%1; всего потеряно обновлений: %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="57"/>
        <source>%1 waits for %2, held by %3</source>
        <translation>%1 ждёт %2, который держит %3</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="62"/>
        <source>Deadlock at step %1: %2.</source>
        <translation>Взаимная блокировка на шаге %1: %2.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="67"/>
        <source>%1 waits on %2</source>
        <translation>%1 ждёт %2</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="71"/>
        <source>Stuck at step %1: no thread can go on and no timer is left to wake one.</source>
        <translation>Прогон застрял на шаге %1: ни один поток не может продолжить, и не осталось таймера, который бы разбудил хоть один.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="72"/>
        <source>Stuck at step %1: no thread can go on and no timer is left to wake one (%2).</source>
        <translation>Прогон застрял на шаге %1: ни один поток не может продолжить, и не осталось таймера, который бы разбудил хоть один (%2).</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="78"/>
        <source>The run stopped at step %1 without finishing (%2).</source>
        <translation>Прогон остановился на шаге %1, не закончившись (%2).</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="79"/>
        <source>The run stopped at step %1 without finishing (%2): %3</source>
        <translation>Прогон остановился на шаге %1, не закончившись (%2): %3</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="83"/>
        <source>%1 died of an uncaught exception at step %2: %3.</source>
        <translation>%1 завершился из-за неперехваченного исключения на шаге %2: %3.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="85"/>
        <location filename="../../app/view/VerdictText.cpp" line="86"/>
        <source>store</source>
        <translation>запись</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="85"/>
        <location filename="../../app/view/VerdictText.cpp" line="86"/>
        <source>load</source>
        <translation>чтение</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="87"/>
        <source>Data race on %1: %2&apos;s %3 at step %4 and %5&apos;s %6 at step %7, with nothing ordering them.</source>
        <translation>Гонка данных на %1: %3 потока %2 на шаге %4 и %6 потока %5 на шаге %7, и ничто их не упорядочивает.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="95"/>
        <source>There is no one-after-the-other outcome to compare with: run that way, a thread would wait forever for a thread started after it, so these threads must run at the same time.</source>
        <translation>Сравнить не с чем: если выполнять потоки один за другим, один из них вечно ждал бы поток, запущенный после него, так что этим потокам нужно выполняться одновременно.</translation>
    </message>
    <message>
        <location filename="../../app/view/VerdictText.cpp" line="97"/>
        <source>There is no one-after-the-other outcome to compare with: run that way, the program does not finish either (%1).</source>
        <translation>Сравнить не с чем: если выполнять потоки один за другим, программа тоже не заканчивается (%1).</translation>
    </message>
</context>
<context>
    <name>lockstep::app::WaitForGraph</name>
    <message>
        <location filename="../../app/panels/WaitForGraph.cpp" line="77"/>
        <source>waits for</source>
        <translation>ждёт</translation>
    </message>
    <message>
        <location filename="../../app/panels/WaitForGraph.cpp" line="78"/>
        <source>held by</source>
        <translation>удерживается</translation>
    </message>
    <message>
        <location filename="../../app/panels/WaitForGraph.cpp" line="79"/>
        <source>deadlock</source>
        <translation>взаимоблокировка</translation>
    </message>
    <message>
        <location filename="../../app/panels/WaitForGraph.cpp" line="121"/>
        <source>Nobody is waiting at this step.</source>
        <translation>На этом шаге никто не ждёт.</translation>
    </message>
    <message>
        <location filename="../../app/panels/WaitForGraph.cpp" line="164"/>
        <source>Thread %1: %2</source>
        <translation>Поток %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/panels/WaitForGraph.cpp" line="165"/>
        <source>Object %1</source>
        <translation>Объект %1</translation>
    </message>
    <message>
        <location filename="../../app/panels/WaitForGraph.cpp" line="166"/>
        <source>On the deadlock cycle</source>
        <translation>В цикле взаимоблокировки</translation>
    </message>
</context>
<context>
    <name>lockstep::style::StateNames</name>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="8"/>
        <source>not started</source>
        <translation>не запущен</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="10"/>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="12"/>
        <source>ready</source>
        <translation>готов</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="14"/>
        <source>blocked</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="16"/>
        <source>sleeping</source>
        <translation>спит</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="18"/>
        <source>computing</source>
        <translation>вычисляет</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="20"/>
        <source>done</source>
        <translation>завершён</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="28"/>
        <source>pending</source>
        <comment>future state</comment>
        <translation>ожидает</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="30"/>
        <source>running</source>
        <comment>future state</comment>
        <translation>выполняется</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="32"/>
        <source>finished</source>
        <comment>future state</comment>
        <translation>завершён</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="34"/>
        <source>failed</source>
        <comment>future state</comment>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="36"/>
        <source>cancelled</source>
        <comment>future state</comment>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="46"/>
        <source>pending</source>
        <comment>task state</comment>
        <translation>создана</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="48"/>
        <source>ready</source>
        <comment>task state</comment>
        <translation>готова</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="50"/>
        <source>running</source>
        <comment>task state</comment>
        <translation>выполняется</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="52"/>
        <source>waiting</source>
        <comment>task state</comment>
        <translation>ждёт</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="54"/>
        <source>done</source>
        <comment>task state</comment>
        <translation>завершена</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="56"/>
        <source>failed</source>
        <comment>task state</comment>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../app/style/StateNames.cpp" line="58"/>
        <source>cancelled</source>
        <comment>task state</comment>
        <translation>отменена</translation>
    </message>
</context>
<context>
    <name>lockstep::timeline::TimelineStrings</name>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="38"/>
        <source>&apos;%1&apos;: the timeline can be exported as .png, .svg or .pdf; use one of these extensions</source>
        <translation>«%1»: временную шкалу можно экспортировать в .png, .svg или .pdf; используйте одно из этих расширений</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="42"/>
        <source>width %1 is out of range: use %2 to %3 pixels</source>
        <translation>ширина %1 вне допустимого диапазона: укажите от %2 до %3 пикселей</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="47"/>
        <source>scale %1 is out of range: use 1 to %2</source>
        <translation>масштаб %1 вне допустимого диапазона: укажите от 1 до %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="49"/>
        <source>width %1 at scale %2 leaves %3 pixels for the timeline: use a width of at least %4 or a smaller scale</source>
        <translation>ширина %1 при масштабе %2 оставляет временной шкале %3 пикселей: укажите ширину не меньше %4 или масштаб меньше</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="56"/>
        <source>the steps to export are %1 to %2: the first must not be after the last</source>
        <translation>для экспорта заданы шаги с %1 по %2: первый не должен быть позже последнего</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="60"/>
        <source>the range to export is empty (%1 to %2)</source>
        <translation>диапазон для экспорта пуст (от %1 до %2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="96"/>
        <source>the timeline is %1 pixels high with its %2 lanes, more than %3: collapse the task groups before exporting</source>
        <translation>с %2 дорожками временная шкала получается высотой %1 пикселей, больше %3: сверните группы задач перед экспортом</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="111"/>
        <source>the run has %1 steps: steps %2 to %3 are not all in it</source>
        <translation>в прогоне %1 шагов: шагов с %2 по %3 в нём нет целиком</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="132"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>не удаётся записать «%1»: %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="156"/>
        <source>Lockstep timeline</source>
        <translation>Временная шкала Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="200"/>
        <source>the picture could not be encoded</source>
        <translation>не удалось закодировать изображение</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineExporter.cpp" line="202"/>
        <source>writing &apos;%1&apos; failed: %2</source>
        <translation>ошибка записи «%1»: %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="127"/>
        <source>Future: %1</source>
        <translation>Future: %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="481"/>
        <source>Task: %1</source>
        <translation>Задача: %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="484"/>
        <source>event loop runs a task or callback (the colour changes at each switch)</source>
        <translation>цикл событий выполняет задачу или обратный вызов (цвет меняется при каждом переключении)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="280"/>
        <source>sleep %1</source>
        <translation>sleep %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="285"/>
        <source>queue &apos;%1&apos;</source>
        <translation>очередь &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="287"/>
        <source>lock &apos;%1&apos;</source>
        <translation>блокировка &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="289"/>
        <source>event &apos;%1&apos;</source>
        <translation>событие &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="291"/>
        <source>semaphore &apos;%1&apos;</source>
        <translation>семафор &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="365"/>
        <source>%1&apos;s event loop at %2, %3:</source>
        <translation>Цикл событий потока %1, %2, %3:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/timeline/TaskLanes.cpp" line="370"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="305"/>
        <location filename="../../app/timeline/TaskLanes.cpp" line="453"/>
        <source>%1 %2</source>
        <comment>a number of tasks and their state</comment>
        <translation>%2: %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="449"/>
        <source>no task created yet</source>
        <translation>задачи ещё не созданы</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="450"/>
        <source>at step %1:</source>
        <translation>на шаге %1:</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="16"/>
        <source>context switch</source>
        <translation>переключение контекста</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="18"/>
        <source>error raised</source>
        <translation>исключение</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="20"/>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="164"/>
        <source>deadlock</source>
        <translation>взаимоблокировка</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="22"/>
        <source>data race</source>
        <translation>гонка данных</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="24"/>
        <source>wait</source>
        <translation>ожидание</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="26"/>
        <source>woken</source>
        <translation>пробуждение</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="28"/>
        <source>timeout</source>
        <translation>тайм-аут</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="30"/>
        <source>notify</source>
        <translation>уведомление</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="32"/>
        <source>set</source>
        <translation>установка</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="34"/>
        <source>clear</source>
        <translation>сброс</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="36"/>
        <source>process exit</source>
        <translation>завершение процесса</translation>
    </message>
    <message>
        <location filename="../../app/timeline/CoreLanes.cpp" line="55"/>
        <source>core %1</source>
        <translation>ядро %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/HoldLanes.cpp" line="121"/>
        <source>%1 waiting</source>
        <translation>%1: ожидающие</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="322"/>
        <source>%1: event loop</source>
        <translation>%1: цикл событий</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="320"/>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="321"/>
        <source>%1() ×%2</source>
        <translation>%1() ×%2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="340"/>
        <source>%1: %2</source>
        <comment>task state: result</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="73"/>
        <source>running on %1</source>
        <translation>выполняется в %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="75"/>
        <source>finished: %1</source>
        <translation>завершён: %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="77"/>
        <source>failed: %1</source>
        <translation>ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="221"/>
        <source>blocked on %1</source>
        <translation>заблокирован (%1)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="222"/>
        <source>waiting in as_completed</source>
        <translation>ждёт в as_completed</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="54"/>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="67"/>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="149"/>
        <source>step %1</source>
        <translation>шаг %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="68"/>
        <source>steps %1–%2</source>
        <translation>шаги %1–%2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="182"/>
        <source>%1 · pid %2</source>
        <translation>%1 · pid %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="31"/>
        <source>signal %1</source>
        <translation>сигнал %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="187"/>
        <source>exit %1 (%2)</source>
        <translation>код выхода %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="192"/>
        <source>exit %1</source>
        <translation>код выхода %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="196"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="198"/>
        <source>%1 ended: exit code 0</source>
        <translation>%1 завершился: код выхода 0</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="199"/>
        <source>%1 ended with exit code %2 (an error)</source>
        <translation>%1 завершился с кодом выхода %2 (ошибка)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="200"/>
        <source>%1 was killed by %2: exit code %3</source>
        <translation>%1 убит сигналом %2: код выхода %3</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="203"/>
        <source>%1 called by %2</source>
        <translation>%1 вызван из %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="114"/>
        <source>through the queue %1</source>
        <translation>через очередь %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="116"/>
        <source>through the pipe %1 → %2</source>
        <translation>через канал %1 → %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="117"/>
        <source>%1 → %2 %3</source>
        <translation>%1 → %2 %3</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="118"/>
        <source>message: %1</source>
        <translation>сообщение: %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="119"/>
        <source>sent at step %1 (t = %2)</source>
        <translation>отправлено на шаге %1 (t = %2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="120"/>
        <source>received at step %1 (t = %2)</source>
        <translation>получено на шаге %1 (t = %2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="253"/>
        <source>%1 (pid %2): a process with its own memory; the lanes under it are its threads</source>
        <translation>%1 (pid %2): процесс со своей памятью; дорожки под ним — его потоки</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="258"/>
        <source>%1 (pid %2): a child process with its own memory</source>
        <translation>%1 (pid %2): дочерний процесс со своей памятью</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="124"/>
        <source>message through a Pipe or Queue (sender → receiver)</source>
        <translation>сообщение через Pipe или Queue (отправитель → получатель)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="312"/>
        <source>process ended with an error or a signal</source>
        <translation>процесс завершился с ошибкой или по сигналу</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="366"/>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="55"/>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="72"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="73"/>
        <source>t = %1 – %2</source>
        <translation>t = %1 – %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="238"/>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="52"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="240"/>
        <source>%1: blocked in %2 on %3</source>
        <translation>%1: заблокирован в %2, ждёт %3</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="243"/>
        <source>%1: computing on core %2</source>
        <translation>%1: вычисляет на ядре %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/ActorLanes.cpp" line="245"/>
        <source>%1: blocked in as_completed until one of its futures is done</source>
        <translation>%1: заблокирован в as_completed, пока не завершится один из его объектов Future</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="96"/>
        <source>%1: pending, submitted by %2; waits in the work queue for a free worker</source>
        <translation>%1: ожидает; отправлен потоком %2 и ждёт в очереди заданий свободный рабочий поток</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="99"/>
        <source>%1: running on %2</source>
        <translation>%1: выполняется в %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="102"/>
        <source>%1: finished on %2, result %3</source>
        <translation>%1: завершён в %2, результат %3</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="105"/>
        <source>%1: failed on %2, raised %3</source>
        <translation>%1: завершён с ошибкой в %2, исключение %3</translation>
    </message>
    <message>
        <location filename="../../app/timeline/FutureLanes.cpp" line="109"/>
        <source>%1: cancelled by %2 before it started</source>
        <translation>%1: отменён потоком %2 до начала выполнения</translation>
    </message>
    <message>
        <location filename="../../app/timeline/CoreLanes.cpp" line="67"/>
        <source>core %1: %2 computing</source>
        <translation>ядро %1: вычисляет %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="403"/>
        <source>%1: pending, not done yet</source>
        <translation>%1: ещё не завершён</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="404"/>
        <source>%1: pending, created and waiting in the ready queue for its first step</source>
        <translation>%1: создана и ждёт своего первого шага в очереди готовых</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="407"/>
        <source>%1: ready, in the event loop&apos;s ready queue</source>
        <translation>%1: готова, стоит в очереди готовых цикла событий</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="410"/>
        <source>%1: running on %2&apos;s event loop</source>
        <translation>%1: выполняется в цикле событий потока %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="414"/>
        <source>%1: waiting in asyncio.sleep(%2)</source>
        <translation>%1: ждёт в asyncio.sleep(%2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="416"/>
        <source>%1: waiting</source>
        <translation>%1: ждёт</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="419"/>
        <source>%1: waiting for %2 to finish</source>
        <translation>%1: ждёт завершения %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="421"/>
        <source>%1: waiting on %2</source>
        <translation>%1: ждёт (%2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="422"/>
        <source>with a timeout</source>
        <translation>с тайм-аутом</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="425"/>
        <source>%1: done</source>
        <translation>%1: завершена</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="425"/>
        <source>%1: done, result %2</source>
        <translation>%1: завершена, результат %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="428"/>
        <source>%1: failed, raised %2</source>
        <translation>%1: завершена с ошибкой, исключение %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="432"/>
        <source>%1: cancelled</source>
        <translation>%1: отменена</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="383"/>
        <source>%1&apos;s event loop runs %2</source>
        <translation>Цикл событий потока %1 выполняет %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="386"/>
        <source>%1&apos;s event loop runs a callback of %2</source>
        <translation>Цикл событий потока %1 выполняет обратный вызов объекта %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="389"/>
        <source>%1&apos;s event loop runs the callback %2</source>
        <translation>Цикл событий потока %1 выполняет обратный вызов %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/HoldLanes.cpp" line="135"/>
        <source>%1, slot %2: held by %3</source>
        <translation>%1, слот %2: владелец %3</translation>
    </message>
    <message>
        <location filename="../../app/timeline/HoldLanes.cpp" line="139"/>
        <source>%1: held by %2</source>
        <translation>%1: владелец %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="78"/>
        <source>part of the deadlock cycle</source>
        <translation>часть цикла взаимоблокировки</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="47"/>
        <source>context switch: %1 → %2</source>
        <translation>переключение контекста: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="49"/>
        <source>%1: data race on %2 with %3 (nothing orders the two accesses)</source>
        <translation>%1: гонка данных на %2 с потоком %3 (ничто не упорядочивает эти два обращения)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="62"/>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 (поток %3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/timeline/SignalLanes.cpp" line="69"/>
        <source>%1: %n item(s) queued</source>
        <translation>
            <numerusform>%1: в очереди %n элемент</numerusform>
            <numerusform>%1: в очереди %n элемента</numerusform>
            <numerusform>%1: в очереди %n элементов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/timeline/TaskLanes.cpp" line="462"/>
        <source>%n in the ready queue</source>
        <translation>
            <numerusform>в очереди готовых: %n</numerusform>
            <numerusform>в очереди готовых: %n</numerusform>
            <numerusform>в очереди готовых: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/timeline/LaneBuilder.cpp" line="34"/>
        <source>%1: %n waiting</source>
        <translation>
            <numerusform>%1: ожидает %n поток</numerusform>
            <numerusform>%1: ожидают %n потока</numerusform>
            <numerusform>%1: ожидают %n потоков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="42"/>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="97"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="105"/>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="105"/>
        <source>virtual time</source>
        <translation>виртуальное время</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="108"/>
        <source>deadlock cycle</source>
        <translation>цикл взаимоблокировки</translation>
    </message>
    <message>
        <location filename="../../app/timeline/HoldLanes.cpp" line="147"/>
        <source>held by / computing (name inside)</source>
        <translation>владелец / вычисляет (имя внутри)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/SignalLanes.cpp" line="77"/>
        <source>waiting / queue length</source>
        <translation>ожидающие / длина очереди</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="441"/>
        <location filename="../../app/timeline/TaskLanes.cpp" line="456"/>
        <source>click the name to hide its tasks</source>
        <translation>щёлкните по имени, чтобы скрыть задачи группы</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TaskLanes.cpp" line="442"/>
        <location filename="../../app/timeline/TaskLanes.cpp" line="457"/>
        <source>click the name to show its tasks</source>
        <translation>щёлкните по имени, чтобы показать задачи группы</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="101"/>
        <source>en_US</source>
        <comment>the locale whose decimal point times are written with</comment>
        <translation>ru_RU</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="136"/>
        <source>%1 released %3 → %2 acquired it</source>
        <translation>%1 освободил %3 → %2 захватил его</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="137"/>
        <source>%1 set %3 → %2&apos;s wait() returned</source>
        <translation>%1 установил %3 → wait() потока %2 вернулся</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="138"/>
        <source>%1 notified %3 → %2 woke up</source>
        <translation>%1 уведомил через %3 → %2 проснулся</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="139"/>
        <source>%1 put an item in %3 → %2 got it</source>
        <translation>%1 положил элемент в %3 → %2 его забрал</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="140"/>
        <source>%1 ended → %2&apos;s join() returned</source>
        <translation>%1 завершился → join() в %2 вернулся</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="141"/>
        <source>%1 set the outcome of %3 → %2&apos;s result() received it</source>
        <translation>%1 задал итог %3 → result() в %2 его получил</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="145"/>
        <source>%1 finished → woke %2</source>
        <translation>%1 завершена → %2 разбужена</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="145"/>
        <source>%1 via %3 → woke %2</source>
        <translation>%1 через %3 → %2 разбужена</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="150"/>
        <source>steps %1 → %2</source>
        <translation>шаги %1 → %2</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="153"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="157"/>
        <source>cause → effect (release → acquire, set → wait, put → get...)</source>
        <translation>причина → следствие (release → acquire, set → wait, put → get...)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="162"/>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="163"/>
        <source>finished</source>
        <translation>завершён</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="165"/>
        <source>stuck (blocked forever, no cycle)</source>
        <translation>завис (заблокирован навсегда, без цикла)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="166"/>
        <source>step limit reached</source>
        <translation>достигнут предел шагов</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="167"/>
        <source>trace full</source>
        <translation>трасса заполнена</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="168"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="169"/>
        <source>aborted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="170"/>
        <source>the program crashed</source>
        <translation>программа аварийно завершилась</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="171"/>
        <source>frozen in real code</source>
        <translation>завис в реальном коде</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="179"/>
        <source>round-robin</source>
        <translation>циклическая (round-robin)</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="180"/>
        <source>random</source>
        <translation>случайная</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="181"/>
        <source>cooperative</source>
        <translation>кооперативная</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="182"/>
        <source>manual</source>
        <translation>ручная</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/timeline/TimelineStrings.cpp" line="189"/>
        <source>%1 · %2, seed %3 · %n steps</source>
        <extracomment>an exported timeline&apos;s caption: how the run ended · its policy, seed · its length</extracomment>
        <translation>
            <numerusform>%1 · %2, зерно %3 · %n шаг</numerusform>
            <numerusform>%1 · %2, зерно %3 · %n шага</numerusform>
            <numerusform>%1 · %2, зерно %3 · %n шагов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineStrings.cpp" line="195"/>
        <source>critical section (holds a lock)</source>
        <translation>критическая секция (держит блокировку)</translation>
    </message>
</context>
<context>
    <name>lockstep::timeline::TimelineWidget</name>
    <message>
        <location filename="../../app/timeline/TimelineWidget.cpp" line="296"/>
        <source>Timeline</source>
        <translation>Временная шкала</translation>
    </message>
    <message>
        <location filename="../../app/timeline/TimelineWidget.cpp" line="298"/>
        <source>Lanes of the run: actor states, cores, lock owners, semaphore slots, waits and queues, asyncio tasks and what each event loop runs. Click to move the cursor; Ctrl+wheel zooms, drag pans, 0 fits. Many tasks of one coroutine share a lane: click its name to show or hide them, G for all. With child processes, lanes are grouped by process (its pid in the name), a child&apos;s lane ends with its exit code, and an arrow goes from each send on a Pipe or put on a Queue to the receive that took it (hover over it for the message).</source>
        <translation>Дорожки прогона: состояния потоков, ядра, владельцы блокировок, слоты семафоров, ожидания и очереди, задачи asyncio и то, что выполняет каждый цикл событий. Щёлкните, чтобы переместить курсор; Ctrl+колесо мыши — масштаб, перетаскивание — прокрутка, 0 — вписать. Много задач одной корутины делят одну дорожку: щёлкните по её имени, чтобы показать или скрыть их, G — для всех групп. С дочерними процессами дорожки сгруппированы по процессам (pid — в имени), дорожка дочернего процесса заканчивается его кодом выхода, а стрелка идёт от каждой отправки в Pipe или помещения в Queue к получению, которое её забрало (наведите на неё мышь, чтобы увидеть сообщение).</translation>
    </message>
</context>
</TS>
