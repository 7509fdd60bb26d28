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
<context>
    <name>MatrixPage</name>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="210"/>
        <source>+ Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="211"/>
        <source>+ Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="212"/>
        <source>Include…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="214"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="215"/>
        <source>Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="216"/>
        <source>Delete hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="217"/>
        <source>Move row up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="218"/>
        <source>Move row down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="220"/>
        <source>Move hypothesis left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="222"/>
        <source>Move hypothesis right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="225"/>
        <source>Question &amp;&amp; conclusions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="227"/>
        <source>Arrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="250"/>
        <source>Sort by diagnosticity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="256"/>
        <source>Hide non-diagnostic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="262"/>
        <source>Hypotheses down the side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="20"/>
        <source>&lt;b&gt;Analysis of Competing Hypotheses&lt;/b&gt;&lt;br&gt;List every reasonable answer to your question as a hypothesis, list the evidence, and rate each item against each hypothesis, working across the rows. The hypothesis with the &lt;i&gt;least evidence against it&lt;/i&gt; leads; the evidence that rates hypotheses differently is what matters. New to ACH? Open the sample case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="41"/>
        <source>SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="43"/>
        <source>Analysis of Competing Hypotheses and other structured analytic techniques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="46"/>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="47"/>
        <source>Open the sample case: Azerbaijan&apos;s shadow war</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="48"/>
        <source>Import a case: bundle, Excel workbook or PARC ACH…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="56"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="65"/>
        <source>&lt;b&gt;Start&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="76"/>
        <source>&lt;b&gt;Recent cases&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="110"/>
        <source>No cases in this workspace yet: create one or open the sample.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
