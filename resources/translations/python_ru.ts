<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../python/src/Program.cpp" line="695"/>
        <source>Scheduling point at every bytecode instruction</source>
        <translation>Точка переключения на каждой инструкции байт-кода</translation>
    </message>
    <message>
        <location filename="../../python/src/Program.cpp" line="696"/>
        <source>Python code takes CPU time</source>
        <translation>Код на Python занимает процессорное время</translation>
    </message>
    <message>
        <location filename="../../python/src/Program.cpp" line="697"/>
        <source>Date and time at the start</source>
        <translation>Дата и время в начале прогона</translation>
    </message>
</context>
</TS>
