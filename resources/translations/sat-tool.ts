<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="115"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="116"/>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="118"/>
        <source>Open the &amp;sample case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="119"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="122"/>
        <source>Excel workbook (.xlsx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="124"/>
        <source>Case bundle (.json)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="125"/>
        <source>PARC ACH project of this matrix (.achz)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="127"/>
        <source>CSV of this matrix (.csv)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="129"/>
        <source>Report of the case (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="131"/>
        <source>Report of the case (HTML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="133"/>
        <source>Report of this matrix (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="135"/>
        <source>Report of this matrix (HTML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="141"/>
        <source>&amp;Print this matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="143"/>
        <source>Print pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="145"/>
        <source>Open &amp;workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="146"/>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="148"/>
        <source>&amp;Delete case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="149"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="152"/>
        <source>&amp;Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="154"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="165"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="166"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="167"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="169"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="173"/>
        <source>Rename &amp;case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="174"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="180"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="181"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="184"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="186"/>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="190"/>
        <source>&amp;Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="191"/>
        <source>&amp;New matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="193"/>
        <source>&amp;Delete matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="195"/>
        <source>&amp;Question &amp;&amp; conclusions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="211"/>
        <source>&amp;Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="212"/>
        <source>&amp;Calibration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="217"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="218"/>
        <source>&amp;Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="221"/>
        <source>&amp;Quick start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="222"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="224"/>
        <source>&amp;Rating keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="225"/>
        <source>&amp;About SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
