<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>lockstep::app::MainWindow</name>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="40"/>
        <source>Lockstep</source>
        <translation>Lockstep</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="59"/>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="85"/>
        <location filename="../../app/gui/MainWindow.cpp" line="101"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="87"/>
        <source>&amp;Run</source>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="97"/>
        <source>Restart</source>
        <translation>Заново</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="97"/>
        <source>Run the scenario again from the start</source>
        <translation>Запустить сценарий заново с самого начала</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="99"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="99"/>
        <source>Run one scheduling step</source>
        <translation>Выполнить один шаг планировщика</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="101"/>
        <source>Run to the end</source>
        <translation>Выполнить до конца</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="102"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="102"/>
        <source>Stop a running scenario at the next step</source>
        <translation>Остановить выполнение на следующем шаге</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="104"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="104"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="108"/>
        <source>Pick a scenario on the left.</source>
        <translation>Выберите сценарий слева.</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="159"/>
        <source>Running... step %1</source>
        <translation>Выполняется... шаг %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="202"/>
        <source>step %1</source>
        <translation>шаг %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/MainWindow.cpp" line="204"/>
        <source>ended: %1 at t=%2 s</source>
        <translation>завершено: %1 при t=%2 с</translation>
    </message>
</context>
</TS>
