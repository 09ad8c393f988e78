<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
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
