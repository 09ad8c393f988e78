<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="44"/>
        <source>Threads: start, join, names, daemons</source>
        <translation>Потоки: запуск, join, имена, демоны</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="45"/>
        <source>Races and locks</source>
        <translation>Гонки и блокировки</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="46"/>
        <source>Semaphores, events, conditions, queues</source>
        <translation>Семафоры, события, условия, очереди</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="47"/>
        <source>Pools, futures and the GIL</source>
        <translation>Пулы потоков, объекты Future и GIL</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="48"/>
        <source>Processes: separate memory, pipes, queues</source>
        <translation>Процессы: раздельная память, каналы, очереди</translation>
    </message>
    <message>
        <location filename="../../scenarios/src/Registry.cpp" line="49"/>
        <source>asyncio: coroutines on one thread</source>
        <translation>asyncio: сопрограммы в одном потоке</translation>
    </message>
</context>
</TS>
