<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AddEvidenceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="508"/>
        <source>Add evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddHypothesisCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="394"/>
        <source>Add hypothesis {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddMatrixCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="759"/>
        <source>Add matrix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddSourceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="682"/>
        <source>Add source {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../sat_tool/ui/application.py" line="31"/>
        <source>SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/application.py" line="100"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/application.py" line="115"/>
        <location filename="../../sat_tool/ui/application.py" line="121"/>
        <source>Cannot open the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/application.py" line="119"/>
        <source>Opening the workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="254"/>
        <source>{file} is not a SAT Tool case bundle (not UTF-8 text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="258"/>
        <source>{file} is not a SAT Tool case bundle (it contains binary data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="275"/>
        <source>{file} is not a SAT Tool case bundle (nested too deeply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="279"/>
        <source>{file} is not a SAT Tool case bundle: invalid JSON at line {line}, column {column} ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="295"/>
        <source>a {digits}-digit number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="311"/>
        <source>holds an unpaired surrogate \u{code} at character {offset}, which is not a character (the file is damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="333"/>
        <source>{value!r} is not a scoring mode (expected {modes})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="347"/>
        <source>{file} is not a SAT Tool case bundle (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="352"/>
        <source>{file}: unknown case-bundle version ({version!r})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="355"/>
        <source>{file}: &quot;version&quot; must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="358"/>
        <source>{file} is case-bundle version {version}, newer than this SAT Tool reads (up to {newest}); update SAT Tool to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="363"/>
        <source>{file}: unknown case-bundle version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="392"/>
        <source>{file}: {where}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="397"/>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="404"/>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="413"/>
        <location filename="../../sat_tool/formats/bundle.py" line="869"/>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="415"/>
        <source>expected text, not null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="418"/>
        <location filename="../../sat_tool/formats/bundle.py" line="450"/>
        <source>expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="420"/>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="432"/>
        <location filename="../../sat_tool/formats/bundle.py" line="441"/>
        <source>expected {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="436"/>
        <source>{value!r} is too large (expected {expected}, at most {high})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="460"/>
        <source>{value!r} is not one of the bundle&apos;s analysts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="462"/>
        <source>{value!r} does not name an item of this bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="473"/>
        <source>{value!r} is not a UUID (leave it empty and one is given on import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="485"/>
        <source>{value!r} is not a date and time (expected ISO 8601, such as 2026-11-21T19:40:00Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="494"/>
        <source>expected a non-empty text id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="496"/>
        <source>duplicate id {value!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="532"/>
        <source>duplicate uid {value!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="546"/>
        <source>{value!r} is not a UUID (leave it out and one is given on import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="591"/>
        <source>{offset} is past the end of its source&apos;s text ({length} characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="637"/>
        <source>a whole number of 1 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="639"/>
        <source>duplicate evidence number {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="661"/>
        <source>a character offset of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="717"/>
        <source>this analyst&apos;s probabilities of this hypothesis are given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="732"/>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="739"/>
        <source>{value!r} is not a layout (standard or transposed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="750"/>
        <source>{date!r} is not a date such as 2012, 2012-04 or 2012-04-18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="757"/>
        <source>the place of one of the matrix&apos;s {count} snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="767"/>
        <source>expected a number from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="769"/>
        <source>{value} is not between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="776"/>
        <source>{key!r} is not an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="793"/>
        <source>malformed snapshot ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="809"/>
        <source>{value!r} is too large to be a number SAT Tool stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="822"/>
        <source>evidence {evidence!r} is included twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="863"/>
        <source>{evidence!r} is not a row of this matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="866"/>
        <source>this cell is rated twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Calibration</name>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="45"/>
        <source>{label} ({title}) proved true, known since {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="46"/>
        <source>{label} ({title}) proved true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="50"/>
        <source>None of the hypotheses proved true, known since {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="51"/>
        <source>None of the hypotheses proved true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="55"/>
        <source>Grounds: {grounds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="147"/>
        <source>The analyst&apos;s probabilities: no closed matrix has them yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="149"/>
        <source>The tool&apos;s posteriors: no closed matrix has them yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="151"/>
        <source>The analyst&apos;s probabilities: mean Brier score {brier} over {count} closed matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="153"/>
        <source>The analyst&apos;s probabilities: mean Brier score {brier} over {count} closed matrices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="156"/>
        <source>The tool&apos;s posteriors: mean Brier score {brier} over {count} closed matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="158"/>
        <source>The tool&apos;s posteriors: mean Brier score {brier} over {count} closed matrices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="164"/>
        <source>; the favourite got {confidence} on average and proved true {hit_rate} of the time: well calibrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="167"/>
        <source>; the favourite got {confidence} on average but proved true {hit_rate} of the time: over-confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="170"/>
        <source>; the favourite got {confidence} on average but proved true {hit_rate} of the time: under-confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/calibration.py" line="174"/>
        <source> (too few closed matrices to read much into yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="27"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="28"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="29"/>
        <source>Proved true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="30"/>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="31"/>
        <location filename="../../sat_tool/ui/calibration.py" line="80"/>
        <source>Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="32"/>
        <location filename="../../sat_tool/ui/calibration.py" line="82"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="37"/>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="43"/>
        <source>Every matrix whose outcome is recorded, scored by the Brier score of the final probabilities (0 is perfect, 2 the worst; spreading the probability evenly over four hypotheses scores 0.75). The analyst&apos;s probabilities count only where they add up to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/calibration.py" line="72"/>
        <source>No matrix is closed yet: record an outcome in a matrix&apos;s Judgment panel once the answer is known.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseService</name>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="82"/>
        <location filename="../../sat_tool/services/cases.py" line="118"/>
        <source>{file} is not a regular file (a folder, a device or a pipe), so it cannot be a case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="87"/>
        <source>{file}: SAT Tool imports case bundles (.json), Excel workbooks (.xlsx) and PARC ACH projects (.achz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="103"/>
        <source>{file} is nested too deeply to be a case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="107"/>
        <location filename="../../sat_tool/services/cases.py" line="130"/>
        <source>{file} could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="139"/>
        <source>{file} is the open workspace itself; choose another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="142"/>
        <source>{file} belongs to the open workspace {workspace}; choose another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="151"/>
        <source>a case needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="310"/>
        <source>unknown export format {format!r} (expected one of {formats})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="327"/>
        <source>{format} export needs a matrix, and this case has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="350"/>
        <source>unknown export format {format!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="452"/>
        <location filename="../../sat_tool/services/cases.py" line="633"/>
        <source>none of the hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="592"/>
        <source>case {title!r} has no matrix {reference!r} (give its number, 1, or its exact question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/cases.py" line="595"/>
        <source>case {title!r} has no matrix {reference!r} (give its number, 1 to {last}, or its exact question)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="149"/>
        <source>Evidence of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="154"/>
        <location filename="../../sat_tool/ui/case_view.py" line="270"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="155"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="240"/>
        <source>New matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="252"/>
        <source>Delete matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="253"/>
        <source>Delete the matrix “{question}” with its hypotheses and ratings?
The evidence stays in the case. Edit ▸ Undo brings the matrix back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="271"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="272"/>
        <source>Credibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="273"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="273"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="274"/>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="325"/>
        <source>Cannot read the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="329"/>
        <source>Open a source document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="330"/>
        <source>Text, Markdown or HTML (*.txt *.md *.markdown *.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="433"/>
        <source>&lt;b&gt;{label}&lt;/b&gt; {text}&lt;br&gt;&lt;br&gt;against &lt;b&gt;{hypothesis}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="457"/>
        <source>Unrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="458"/>
        <source>Clear the rating of this cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="462"/>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="465"/>
        <source>Why this rating? Shown as the cell&apos;s tooltip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="468"/>
        <source>State the likelihood P(evidence | hypothesis):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="469"/>
        <source>In the probabilistic view each rating stands for a default likelihood (CC 0.9 … II 0.1), discounted by credibility and relevance. An override is used as given, and goes when the cell gets another rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="508"/>
        <source>No rationale given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="548"/>
        <source>Pick a rating for this rationale or likelihood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="550"/>
        <source>The likelihood</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <location filename="../../sat_tool/ui/chart.py" line="187"/>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/chart.py" line="189"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/chart.py" line="199"/>
        <source>Save chart as PNG or SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/chart.py" line="212"/>
        <source>Cannot save the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/chart.py" line="213"/>
        <source>Saving {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="42"/>
        <source>charts are saved as png or svg, not {format!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="89"/>
        <source>Add hypotheses to see their scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="95"/>
        <source>P(H|E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="100"/>
        <source>Analyst&apos;s judgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="102"/>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="103"/>
        <source>Percent (lines of evidence independent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="107"/>
        <location filename="../../sat_tool/report/charts.py" line="203"/>
        <source>Inconsistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="109"/>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="110"/>
        <source>Evidence against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="111"/>
        <source>Inconsistency (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="128"/>
        <source>No evidence counts against any hypothesis yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="154"/>
        <source>{count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="161"/>
        <source>bits against (negative: for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="163"/>
        <source>inconsistency points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="165"/>
        <source>weighted points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="170"/>
        <source>What each item adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="191"/>
        <source>Save snapshots to see how the scores move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="202"/>
        <source>P(H|E) %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="204"/>
        <source>Weighted inconsistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="208"/>
        <source>Scores across snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="222"/>
        <source>Record the outcome of a matrix to see how well its probabilities did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="228"/>
        <source>Perfect calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="241"/>
        <source>Probability given (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="242"/>
        <source>Proved true (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/charts.py" line="245"/>
        <source>Calibration across closed matrices (dot size: how many)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concurrency</name>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="55"/>
        <source>an evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="59"/>
        <source>a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="60"/>
        <source>source {title!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="64"/>
        <source>a matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="65"/>
        <source>matrix {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="70"/>
        <location filename="../../sat_tool/services/concurrency.py" line="79"/>
        <source>a hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="71"/>
        <source>hypothesis {title!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="72"/>
        <source>the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="123"/>
        <source>cell {cell}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="126"/>
        <source>the rows of {matrix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="129"/>
        <source>the hypotheses of {matrix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="134"/>
        <source>the case&apos;s title or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="146"/>
        <source>{what} was deleted in another window or program just now, so this edit was not made; the view now shows the workspace as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="149"/>
        <source>{what} was changed in another window or program just now, so this edit was not made; the view now shows the workspace as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="180"/>
        <source>This edit refers to something that has been deleted in another window or program; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="182"/>
        <source>{what} has been deleted in another window or program; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="190"/>
        <source>{what} was changed in another window or program while this dialog was open, so this edit was not made; the view now shows it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="197"/>
        <source>{what} has been changed in another window or program since, so this no longer applies; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="299"/>
        <source>{matrix} deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="303"/>
        <source>1 matrix added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="305"/>
        <source>{n} matrices added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="312"/>
        <source>{items} … deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="314"/>
        <source>{items} deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="317"/>
        <source>1 evidence item added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="319"/>
        <source>{n} evidence items added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="323"/>
        <source>1 evidence item edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="325"/>
        <source>{n} evidence items edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="328"/>
        <source>1 rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="330"/>
        <source>{n} ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="333"/>
        <source>other analysts’ ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="335"/>
        <source>hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="337"/>
        <source>sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="339"/>
        <source>the case title or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="341"/>
        <source>the analysis settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/services/concurrency.py" line="342"/>
        <source>Changed in another window or program: {changes}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredibilityDelegate</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="462"/>
        <source>own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedRow</name>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="332"/>
        <source>{table} row {key}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="343"/>
        <source>{count} damaged workspace row was left out ({listed}; and {more} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="345"/>
        <source>{count} damaged workspace rows were left out ({listed}; and {more} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="348"/>
        <source>{count} damaged workspace row was left out ({listed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="350"/>
        <source>{count} damaged workspace rows were left out ({listed})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteEvidenceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="558"/>
        <source>Delete evidence {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="564"/>
        <source>Deleted {label}, “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="566"/>
        <source>Deleted {label}, “{text}”, from 1 matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="569"/>
        <source>Deleted {label}, “{text}”, from {held} matrices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteHypothesisCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="420"/>
        <source>Delete hypothesis {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="428"/>
        <source>Deleted H{position}, “{title}”, with its {rated} ratings of {analysts} analysts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="432"/>
        <source>Deleted H{position}, “{title}”, with its 1 rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="435"/>
        <source>Deleted H{position}, “{title}”, with its {rated} ratings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteMatrixCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="781"/>
        <source>Delete matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="783"/>
        <source>Deleted the matrix “{question}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteSnapshotCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="373"/>
        <source>Delete snapshot {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteSourceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="731"/>
        <source>Delete source {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="735"/>
        <source>Deleted the source “{title}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="196"/>
        <source>{name}: {value}% is more than 100%; give a percentage up to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="200"/>
        <source>{name}: {value}% is below {minimum}%, the least a likelihood can be.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Disagreement</name>
    <message>
        <location filename="../../sat_tool/domain/team.py" line="114"/>
        <source>Consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/team.py" line="115"/>
        <source>Mild disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/team.py" line="116"/>
        <source>Large disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/team.py" line="117"/>
        <source>Extreme disagreement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditCaseCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="826"/>
        <source>Edit case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="71"/>
        <source>What this edit is about was deleted in another window or program meanwhile; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="91"/>
        <source>Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="97"/>
        <source>Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditEvidenceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="592"/>
        <source>Edit evidence {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditHypothesisCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="462"/>
        <source>Edit hypothesis {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditMatrixCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="803"/>
        <source>Edit matrix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSourceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="708"/>
        <source>Edit source {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../sat_tool/errors.py" line="131"/>
        <source>The workspace is busy: another program has been writing to it for more than ten seconds. Nothing was changed; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="134"/>
        <source>The workspace cannot be written: the file or its folder is read-only. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="137"/>
        <source>The disk holding the workspace is full. Nothing was changed; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="142"/>
        <source>The team server refused this edit: you may change only your own ratings, probabilities and history (and those merged from colleagues without a login). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="146"/>
        <source>The team server does not let your login make this change; nothing was changed. The workspace&apos;s administrator can grant it (sat-tool admin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="155"/>
        <source>The workspace file is damaged. Nothing was changed; restore it from a backup copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="157"/>
        <source>The workspace file is not an SQLite database, or it is damaged. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="159"/>
        <source>The workspace could not be read or written (a disk error). Nothing was changed; check the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="162"/>
        <source>The workspace file could not be opened: check that it exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="164"/>
        <source>That edit refers to something another window or program has just removed. Nothing was changed; the view now shows the workspace as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="167"/>
        <source>That edit clashes with a change another window or program has just made. Nothing was changed; the view now shows the workspace as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="177"/>
        <source>{doing} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="185"/>
        <source>The disk is full (writing {file}); free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="187"/>
        <source>The disk is full (writing); free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="190"/>
        <source>Permission was denied for {file}: check who may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="192"/>
        <source>Permission was denied for a file: check who may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="193"/>
        <source>A file-system error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="196"/>
        <source>{reason} ({file}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="197"/>
        <source>{reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="217"/>
        <source>The workspace database reported an error; nothing was changed. Details are in {log}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="222"/>
        <source>There was not enough memory for this operation; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/errors.py" line="228"/>
        <source>An unexpected error stopped this operation and nothing was changed. Details are in {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="175"/>
        <source>an origin cannot hold control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="178"/>
        <source>an origin names one report in at most {most} characters (this one has {length}); say more in the notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceBand</name>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="268"/>
        <source>Move to a cell to read its evidence item here; hover a column header for its source and notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="281"/>
        <source>{type} · credibility {credibility} · relevance {relevance} · diagnosticity {diagnosticity}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="221"/>
        <source>Edit evidence {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="223"/>
        <source>New evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="229"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="230"/>
        <source>State the item in one sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="235"/>
        <source>Add to matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="236"/>
        <source>(the case only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="238"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="240"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="243"/>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="244"/>
        <source>The report it rests on, when not simply its source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="246"/>
        <source>Items of one origin count as one line of evidence in the probabilistic view, as items of one source do: name the same origin for items that rest on one statement, even when different articles relay it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="251"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="252"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="254"/>
        <source>Credibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="258"/>
        <source>Relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="260"/>
        <source>Relevance to the matrix&apos;s question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="266"/>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="267"/>
        <source>The passage of the source the item rests on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="269"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="270"/>
        <source>Why this credibility and relevance; caveats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceType</name>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="152"/>
        <source>{text} is not an evidence type (expected one of {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="158"/>
        <source>OSINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="159"/>
        <source>HUMINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="160"/>
        <source>SIGINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="161"/>
        <source>IMINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="162"/>
        <source>MASINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="163"/>
        <source>Assumption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="164"/>
        <source>Absence of evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExcludeEvidenceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="641"/>
        <source>Remove {label} from matrix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../sat_tool/ui/file_dialogs.py" line="157"/>
        <source>Choose another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/file_dialogs.py" line="158"/>
        <source>{file} holds the open workspace {workspace}, so it cannot be read or written as a document. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../sat_tool/ui/find.py" line="43"/>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/find.py" line="45"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/find.py" line="53"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/find.py" line="57"/>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/find.py" line="61"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/find.py" line="98"/>
        <source>no match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/find.py" line="100"/>
        <source>{position} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="101"/>
        <source>2012-04-18, 2012-04 or 2012</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="107"/>
        <source>{label}: {text} is not a date; give a year, a month or a day as 2012, 2012-04 or 2012-04-18.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="38"/>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="40"/>
        <source>a pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="42"/>
        <source>a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="44"/>
        <source>a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="51"/>
        <source>{file} is not a regular file; {what} are read only from regular files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="54"/>
        <source>{file} is {kind}, not a regular file; {what} are read only from regular files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="60"/>
        <source>cannot read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="85"/>
        <source>{count} MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="86"/>
        <source>{count} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="90"/>
        <source>{file} is {size} MiB; {what} are limited to {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/__init__.py" line="139"/>
        <source>{file} holds more than {limit}; {what} are limited to {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/bundle.py" line="250"/>
        <source>case bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="179"/>
        <source>PARC files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/text_import.py" line="41"/>
        <source>source documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="153"/>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="210"/>
        <source>workbooks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="22"/>
        <source>Hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="22"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="23"/>
        <source>Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="23"/>
        <source>Refine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="24"/>
        <source>Tentative conclusions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="24"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="25"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="25"/>
        <source>Milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="102"/>
        <source>Only {count} hypothesis: list every reasonable one, including those that seem unlikely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="104"/>
        <source>Only {count} hypotheses: list every reasonable one, including those that seem unlikely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="108"/>
        <source>No deception hypothesis: could someone be misleading you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="111"/>
        <source>{count} hypotheses, including a deception hypothesis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="118"/>
        <source>No evidence yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="122"/>
        <source>No assumptions listed: state the ones the analysis rests on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="125"/>
        <source>No absence of evidence: what would you expect to see that is missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="130"/>
        <source>{item} has no source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="133"/>
        <source>{count} items, with assumptions and absences of evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="140"/>
        <source>The matrix needs hypotheses and evidence before it can be rated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="147"/>
        <source>{count} cell unrated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="148"/>
        <source>{count} cells unrated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="155"/>
        <source>{count} strong rating (CC, I or II) without a rationale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="157"/>
        <source>{count} strong ratings (CC, I or II) without a rationale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="160"/>
        <source>Every cell is rated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="169"/>
        <source>{item} is inconsistent with every hypothesis: is a hypothesis missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="177"/>
        <source>{item} is consistent with every hypothesis: it does not help choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="180"/>
        <source>{item} is neutral with every hypothesis: it does not help choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="183"/>
        <source>{item} is rated alike with every hypothesis: it does not help choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="188"/>
        <source>Every row discriminates between some hypotheses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="195"/>
        <source>No tentative conclusions yet: which hypothesis has least evidence against it, and why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="197"/>
        <source>Tentative conclusions written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="206"/>
        <source>{item} alone decides the leader: check its source, its credibility and whether it could be deception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="212"/>
        <source>Re-rating a single cell would change the leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="219"/>
        <source>{first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="220"/>
        <source>{names} tie for the lead: {how}; find the evidence that tells them apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="225"/>
        <source>No single item or cell decides the leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="238"/>
        <source>Probabilities given for every hypothesis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="246"/>
        <source>No milestones yet: what would show that events are taking another course?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="248"/>
        <source>{count} milestone to watch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/guide.py" line="249"/>
        <source>{count} milestones to watch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="410"/>
        <source>Show the changes of one analyst&apos;s ratings, or made by them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="412"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="412"/>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="417"/>
        <source>History of the ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="434"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="455"/>
        <source>set blind rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="456"/>
        <source>lifted blind rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="462"/>
        <source>unrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="463"/>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="466"/>
        <source> ({name}’s rating)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="470"/>
        <source>Show this cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="476"/>
        <source>No rating of this matrix has been changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="478"/>
        <source>The {shown} most recent of {total} changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="481"/>
        <source>1 change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="483"/>
        <source>{total} changes, the most recent first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HypothesisDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="303"/>
        <source>Edit hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="304"/>
        <source>New hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="306"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="308"/>
        <source>A short name shown as the column header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="310"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncludeEvidenceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="622"/>
        <source>Include {count} evidence item(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncludeEvidenceDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="563"/>
        <source>Include evidence in this matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="566"/>
        <source>Evidence of this case that the matrix does not include yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="569"/>
        <source>Filter by words in the evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="580"/>
        <source>Relevance to this matrix&apos;s question:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Judgment</name>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="53"/>
        <source>No probabilities yet: say how likely you judge each hypothesis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="55"/>
        <source>The analyst has given no probabilities yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="59"/>
        <source>No probability for {hypotheses}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="62"/>
        <source>Your probabilities add up to {total}, not 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="63"/>
        <source>The analyst&apos;s probabilities add up to {total}, not 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="71"/>
        <source>{first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="73"/>
        <source>You judge {favourite} most likely ({probability}), but the scores favour {leaders}: what evidence or assumption outside the matrix explains the difference?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="76"/>
        <source>The analyst judges {favourite} most likely ({probability}), but the scores favour {leaders}: what evidence or assumption outside the matrix explains the difference?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="85"/>
        <source>You give {hypothesis} {judged}; the evidence alone gives {probability} in the probabilistic view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="87"/>
        <source>The analyst gives {hypothesis} {judged}; the evidence alone gives {probability} in the probabilistic view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="95"/>
        <source>Your probabilities add up to 100% and agree with the scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/judgment.py" line="97"/>
        <source>The analyst&apos;s probabilities add up to 100% and agree with the scores.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JudgmentPanel</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="600"/>
        <source>Yours %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="601"/>
        <source>Prior %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="602"/>
        <source>P(H|E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="603"/>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="622"/>
        <source>How likely is each hypothesis? (Heuer&apos;s step 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="623"/>
        <source>Give every hypothesis a probability; together they make 100%. Leave the prior empty for a uniform prior.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="633"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="638"/>
        <source>Record the outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="639"/>
        <source>Once the answer is known: what proved true, when, on what grounds. The matrix is frozen in a snapshot and scored for calibration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="643"/>
        <source>Reopen the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="673"/>
        <source>Total: no probabilities yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="676"/>
        <source>Total: {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="677"/>
        <source>Total: {total}  (must be 100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="702"/>
        <source>Closed: the probabilities judged before the outcome was known stay as they were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="704"/>
        <source>Your probability for this hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="706"/>
        <source>Open: when the answer is known, record it to see how well the probabilities did (Analysis ▸ Calibration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="709"/>
        <source>Closed: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="761"/>
        <source>H{index}: {value}% is more than 100%; a probability is given from 0 to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="763"/>
        <source>H{index}: {value}% is more than 100%; a prior is given from 0 to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaderChange</name>
    <message>
        <location filename="../../sat_tool/domain/sensitivity.py" line="243"/>
        <source>{how_many} would {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/sensitivity.py" line="250"/>
        <source>{count} re-rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/sensitivity.py" line="251"/>
        <source>{count} re-ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/sensitivity.py" line="253"/>
        <source>{names} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/sensitivity.py" line="257"/>
        <source>decide the tie between {leaders} for {challenger}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/sensitivity.py" line="259"/>
        <source>put {challenger} alone in the lead, ahead of {leaders} (tied now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/sensitivity.py" line="262"/>
        <source>put {challenger} ahead of {leaders}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="103"/>
        <source>{rating}  {meaning}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="105"/>
        <source>Rate the selected cells {rating} ({meaning}) — key {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="116"/>
        <source>Keys: {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="131"/>
        <source>{bucket}: cells where the analysts&apos; ratings differ this much (spread from {low} on the signed scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="148"/>
        <source>Consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="149"/>
        <source>Mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="150"/>
        <source>Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="151"/>
        <source>Extreme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="114"/>
        <source>{text} is not a level (expected High, Medium or Low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="120"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="121"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="122"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LikelihoodDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="639"/>
        <source>Likelihoods of {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="642"/>
        <source>&lt;b&gt;{label}&lt;/b&gt; {text}&lt;br&gt;&lt;br&gt;How likely is this item if each hypothesis were true? Tick a hypothesis to state its likelihood; unticked ones keep the default of their rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="649"/>
        <source>&lt;b&gt;Hypothesis&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="650"/>
        <source>&lt;b&gt;Rating&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="651"/>
        <source>&lt;b&gt;P(item | hypothesis)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="657"/>
        <source>unrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="658"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="661"/>
        <source>Likelihood if {hypothesis}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="668"/>
        <source>Rate the cell first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="669"/>
        <source>Not applicable: the item says nothing about this hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineReport</name>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="320"/>
        <source>{names} are level at {now}, and no line of evidence moves them by as much as one point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="323"/>
        <source>No line of evidence moves {lead} ({now}) by as much as one point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="328"/>
        <source>The most influential line of evidence is {line}: leaving it out moves {lead} from {now} to {then}, and {after} then leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="331"/>
        <source>The most influential line of evidence is {line}: leaving it out moves {lead} from {now} to {then}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="334"/>
        <source>The most influential line of evidence is {line} ({count} item): leaving it out moves {lead} from {now} to {then}, and {after} then leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="337"/>
        <source>The most influential line of evidence is {line} ({count} items): leaving it out moves {lead} from {now} to {then}, and {after} then leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="341"/>
        <source>The most influential line of evidence is {line} ({count} item): leaving it out moves {lead} from {now} to {then}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="344"/>
        <source>The most influential line of evidence is {line} ({count} items): leaving it out moves {lead} from {now} to {then}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="364"/>
        <source>{names} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesPanel</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="792"/>
        <source>Line of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="793"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="794"/>
        <source>Leader without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="795"/>
        <source>Favours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="815"/>
        <source>Where the probabilities come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="819"/>
        <source>Items of one source, or of one origin named on the items, count together as one line of evidence (their log-likelihoods are averaged); the lines are taken as independent. Name an origin on items that rest on one statement (Edit evidence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="840"/>
        <source>The probabilistic view needs two hypotheses and some evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="848"/>
        <source>&lt;b&gt;{leader}&lt;/b&gt; is the most probable at {probability}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="854"/>
        <source>{leader} without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="864"/>
        <source>; {hypothesis} then leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="882"/>
        <source>By line of evidence: {by_line}. Were every item independent: {independent}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="42"/>
        <source>SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="98"/>
        <source>Listing the cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="105"/>
        <source>The case is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="119"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="120"/>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="122"/>
        <source>Open the &amp;sample case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="123"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="124"/>
        <source>A case bundle (.json), an Excel workbook (.xlsx) or a PARC ACH project (.achz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="126"/>
        <source>Excel workbook (.xlsx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="128"/>
        <source>Case bundle (.json)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="129"/>
        <source>PARC ACH project of this matrix (.achz)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="131"/>
        <source>CSV of this matrix (.csv)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="133"/>
        <source>Report of the case (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="135"/>
        <source>Report of the case (HTML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="137"/>
        <source>Report of this matrix (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="139"/>
        <source>Report of this matrix (HTML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="145"/>
        <source>&amp;Print this matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="147"/>
        <source>Print pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="149"/>
        <source>Open &amp;workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="150"/>
        <source>Connect to a &amp;team server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="152"/>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="154"/>
        <source>&amp;Delete case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="155"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="158"/>
        <source>&amp;Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="160"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="171"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="172"/>
        <location filename="../../sat_tool/ui/main_window.py" line="396"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="173"/>
        <location filename="../../sat_tool/ui/main_window.py" line="398"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="175"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="177"/>
        <source>Find in the matrix, the evidence or the sources shown (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="179"/>
        <source>Rename &amp;case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="180"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="186"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="187"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="190"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="192"/>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="196"/>
        <source>&amp;Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="197"/>
        <source>&amp;New matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="199"/>
        <source>&amp;Delete matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="201"/>
        <source>&amp;Question &amp;&amp; conclusions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="209"/>
        <source>Add &amp;hypothesis…	Ctrl+Shift+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="210"/>
        <source>Add &amp;evidence…	Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="211"/>
        <source>&amp;Include evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="212"/>
        <source>Hypotheses down the &amp;side	Ctrl+Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="213"/>
        <source>Rate &amp;blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="218"/>
        <source>&amp;Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="219"/>
        <source>&amp;Calibration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="220"/>
        <source>Brier scores and calibration of the analyst&apos;s probabilities and the tool&apos;s across closed matrices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="224"/>
        <source>Rate &amp;as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="228"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="229"/>
        <source>&amp;Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="232"/>
        <source>&amp;Quick start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="233"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="235"/>
        <source>&amp;Rating keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="236"/>
        <source>&amp;About SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="244"/>
        <source>Open a case first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="248"/>
        <source>{name} (your login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="262"/>
        <source>Myself ({name}), from a blank matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="264"/>
        <source>Someone else…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="268"/>
        <source>Rate as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="269"/>
        <source>The analyst&apos;s name (they rate every matrix of the case from blank):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="280"/>
        <source>Cannot rate as this analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="283"/>
        <source>You now rate this case as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="294"/>
        <source>Nothing to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="294"/>
        <location filename="../../sat_tool/ui/main_window.py" line="664"/>
        <source>This case has no matrix yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="315"/>
        <source>Matrix text at {zoom}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="348"/>
        <source>Matrix page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="350"/>
        <source>In a matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="395"/>
        <source>&amp;Undo {edit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="397"/>
        <source>&amp;Redo {edit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="405"/>
        <source>Cannot show the calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="406"/>
        <source>Reading the outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="418"/>
        <source>Undone: {edit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="430"/>
        <source>Redone: {edit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="467"/>
        <source>Cannot open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="485"/>
        <source>This case is shared with you to read only: you can read and export it, not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="489"/>
        <source>Edit failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="506"/>
        <source>Damaged rows left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="507"/>
        <source>{damage}. The rest of the case opened as usual; the damaged rows are not shown and are left as they are in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="521"/>
        <source>{case} — read only — {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="524"/>
        <source>{case} — rated as {name} — {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="527"/>
        <source>{case} — {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="531"/>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="531"/>
        <location filename="../../sat_tool/ui/main_window.py" line="707"/>
        <source>Case title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="538"/>
        <source>First matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="538"/>
        <source>The question your hypotheses answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="547"/>
        <source>Cannot open the sample case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="554"/>
        <location filename="../../sat_tool/ui/main_window.py" line="604"/>
        <source>Import a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="555"/>
        <source>Cases (*.json *.xlsx *.achz);;Case bundles (*.json);;Excel workbooks (*.xlsx);;PARC ACH projects (*.achz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="562"/>
        <location filename="../../sat_tool/ui/main_window.py" line="573"/>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="588"/>
        <source>Importing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="591"/>
        <location filename="../../sat_tool/ui/main_window.py" line="594"/>
        <source>Cannot import the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="595"/>
        <source>Importing {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="605"/>
        <source>{file} is a copy of “{case}”, which this workspace has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="608"/>
        <source>Merge it to add its analysts&apos; ratings and what they added to the case, with every conflict shown for you to settle; or import it as a separate case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="610"/>
        <source>Merge into it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="611"/>
        <source>Import as a separate case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="630"/>
        <location filename="../../sat_tool/ui/main_window.py" line="633"/>
        <source>Cannot merge the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="636"/>
        <source>Nothing to merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="637"/>
        <source>{file} brings nothing this case does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="643"/>
        <source>Merged {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="646"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="647"/>
        <source>Case bundle (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="648"/>
        <source>PARC ACH project (*.achz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="649"/>
        <source>Comma-separated values (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="650"/>
        <source>PDF report (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="651"/>
        <source>HTML report (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="664"/>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="670"/>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="671"/>
        <source>Classification banner (leave empty for none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="679"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="689"/>
        <source>Writing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="693"/>
        <location filename="../../sat_tool/ui/main_window.py" line="697"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="694"/>
        <source>Cannot write {path}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="698"/>
        <source>Writing {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="700"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="707"/>
        <source>Rename case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="719"/>
        <source>Delete case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="720"/>
        <source>Delete “{title}” with all its matrices, evidence and sources?
This cannot be undone. Export a case bundle first to keep a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="729"/>
        <source>Cannot delete the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="737"/>
        <source>workspace</source>
        <comment>a file name, for a new workspace</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="738"/>
        <source>Open or create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="739"/>
        <source>SAT Tool workspace (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="746"/>
        <source>Connect to a team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="747"/>
        <source>The workspace&apos;s URL, such as postgresql+psycopg://your-role@server/team (a password goes in ~/.pgpass):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="753"/>
        <location filename="../../sat_tool/ui/main_window.py" line="764"/>
        <location filename="../../sat_tool/ui/main_window.py" line="767"/>
        <source>Cannot open the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="754"/>
        <source>{url} is not a PostgreSQL URL (postgresql+psycopg://role@host/database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="782"/>
        <source>Workspace upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="482"/>
        <location filename="../../sat_tool/ui/main_window.py" line="785"/>
        <source>This workspace is read-only: you can read and export its cases, not edit them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="804"/>
        <source>Rating keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="805"/>
        <source>In a matrix, move with the arrow keys and rate with one key:

{keys}

Enter or F2 opens the cell&apos;s rating and rationale; after a rating the cursor moves to the next hypothesis of the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="812"/>
        <source>About SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="813"/>
        <source>SAT Tool {version}
Workspace: {workspace}
Analyst: {analyst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="827"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="828"/>
        <source>Undo the deletion (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="895"/>
        <source>No other workspace yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/main_window.py" line="975"/>
        <source>case</source>
        <comment>a file name, for a case without a title</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="86"/>
        <source>SAT Tool manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="91"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="97"/>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="393"/>
        <source>Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="396"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="397"/>
        <source>The question the hypotheses answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="399"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="401"/>
        <source>Conclusions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="402"/>
        <source>Tentative conclusions: rank all hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="405"/>
        <source>Milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="406"/>
        <source>Indicators that would change the picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="76"/>
        <source>P(H|E) {probability}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="79"/>
        <source>Incons. {inconsistency} · Weighted {weighted}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="81"/>
        <source>Incons. {inconsistency}
Weighted {weighted}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="87"/>
        <source>Assump.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="88"/>
        <source>Absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="138"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="139"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="140"/>
        <source>Cred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="141"/>
        <source>Rel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="142"/>
        <source>Diag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="144"/>
        <source>The evidence item, assumption or absence of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="145"/>
        <source>Kind of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="146"/>
        <source>Credibility of the item (High, Medium, Low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="147"/>
        <source>Relevance of the item to this matrix&apos;s question (High, Medium, Low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="149"/>
        <source>Diagnosticity: how much the row discriminates between hypotheses (spread of its ratings; 0 = none). ⚠ marks a row inconsistent with every hypothesis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="270"/>
        <source>Credibility: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="272"/>
        <source>Relevance to this question: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="297"/>
        <source>What-if credibility: {level} (its own is not changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="307"/>
        <source>Source: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="309"/>
        <source>Date: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="325"/>
        <source>Inconsistent with every hypothesis: check the item, or consider a hypothesis that is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="328"/>
        <source>Fewer than two rated cells: diagnosticity not defined yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="330"/>
        <source>Not diagnostic: the row rates every hypothesis alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="331"/>
        <source>Diagnosticity {diagnosticity} (spread of the row&apos;s ratings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="406"/>
        <source>&lt;b&gt;{level}&lt;/b&gt; among {count} analysts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="443"/>
        <source>Unrated — type a rating (1–6, or C, N, I, A; Shift for CC and II)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="494"/>
        <source>What-if: left out of the scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="496"/>
        <source>What-if: read as deception (its ratings reversed in the scores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="513"/>
        <source>Credibility {credibility}, relevance {relevance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="565"/>
        <source>&lt;b&gt;1 cell unrated&lt;/b&gt;: the score counts only what is rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="568"/>
        <source>&lt;b&gt;{unrated} cells unrated&lt;/b&gt;: the score counts only what is rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="570"/>
        <source>Inconsistency {inconsistency}, weighted {weighted}, rank {rank}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="947"/>
        <source>P(item | hypothesis) stated: {stated} (the default of {rating} here: {default})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="275"/>
        <source>+ Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="276"/>
        <source>+ Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="277"/>
        <source>Include…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="279"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="68"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="280"/>
        <source>Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="281"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="918"/>
        <source>Delete hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="69"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="282"/>
        <source>Move row up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="70"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="283"/>
        <source>Move row down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="71"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="285"/>
        <source>Move hypothesis left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="72"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="287"/>
        <source>Move hypothesis right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="73"/>
        <source>Remove evidence column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="74"/>
        <source>Move hypothesis up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="75"/>
        <source>Move hypothesis down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="76"/>
        <source>Move evidence left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="77"/>
        <source>Move evidence right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="82"/>
        <source>Hide rows that rate every hypothesis alike: they do not help choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="84"/>
        <source>Hide evidence columns that rate every hypothesis alike: they do not help choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="213"/>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="214"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="215"/>
        <source>Judgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="216"/>
        <source>By source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="217"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="218"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="219"/>
        <source>Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="220"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="259"/>
        <source>Add a hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="260"/>
        <source>Add an evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="261"/>
        <source>Move the row up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="262"/>
        <source>Move the row down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="263"/>
        <source>Move the hypothesis left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="264"/>
        <source>Move the hypothesis right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="290"/>
        <source>Question &amp;&amp; conclusions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="292"/>
        <source>Arrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="315"/>
        <source>Sort by diagnosticity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="321"/>
        <source>Hide non-diagnostic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="331"/>
        <source>Show the hypotheses as rows and the evidence as columns (Ctrl+Shift+T), a layout found to reduce confirmation bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="339"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="343"/>
        <source>Whose ratings the matrix shows: yours (which you edit), another analyst&apos;s, or the team&apos;s consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="347"/>
        <source>Rate blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="350"/>
        <source>Each analyst sees the hypotheses in an order of their own and no one else&apos;s ratings until they have rated every cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="356"/>
        <source>Disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="358"/>
        <source>Colour each cell by how much the analysts&apos; ratings of it differ (consensus, mild, large, extreme)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="382"/>
        <source>My ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="383"/>
        <source>{name}’s ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="385"/>
        <source>Team consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="435"/>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="437"/>
        <source>unrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="438"/>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="439"/>
        <source> ({name}’s rating)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="473"/>
        <source>These are not your ratings: choose “My ratings” under Show to rate the cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="536"/>
        <source>{why} Showing {view}: the column headings and Diag score them, the tabs beside the matrix score your own ratings. Each cell&apos;s dialog (Enter) shows its ratings, rationale and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="542"/>
        <source>{why} Each cell&apos;s dialog (Enter) shows its ratings, rationale and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="547"/>
        <source>Showing {view}, to read: the column headings and Diag score them, the tabs beside the matrix score your own ratings. Choose “My ratings” under Show to rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="552"/>
        <source>To start, add hypotheses (+ Hypothesis) and evidence (+ Evidence or Include…). List every reasonable answer to the question as a hypothesis, including a deception hypothesis; evidence can also be taken from a passage of a source (Sources tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="558"/>
        <source>To start, add hypotheses (+ Hypothesis). List every reasonable answer to the question as a hypothesis, including a deception hypothesis; evidence can also be taken from a passage of a source (Sources tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="563"/>
        <source>To start, add evidence (+ Evidence or Include…). List every reasonable answer to the question as a hypothesis, including a deception hypothesis; evidence can also be taken from a passage of a source (Sources tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="659"/>
        <source>While the matrix is rated blind its hypotheses are in an order of your own, and stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="676"/>
        <source>Cannot paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="720"/>
        <source>These are {view}, to read: choose “My ratings” under Show to rate the cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="790"/>
        <source>Select a cell in the hypothesis&apos;s row first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="791"/>
        <source>Select a cell in the hypothesis&apos;s column first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="848"/>
        <source>Every evidence item of the case is already in this matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="866"/>
        <source>Evidence columns are sorted or some are hidden; show them in their own order to move them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="868"/>
        <source>Rows are sorted or some are hidden; show them in their own order to move them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="917"/>
        <source>Edit hypothesis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="920"/>
        <source>Add hypothesis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="927"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="950"/>
        <source>Edit evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="928"/>
        <source>Show in source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="931"/>
        <source>Remove from this matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="933"/>
        <source>Delete from the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="936"/>
        <source>State likelihoods…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="938"/>
        <source>Add evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="939"/>
        <source>Include evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="951"/>
        <source>Paste evidence rows	Ctrl+V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="955"/>
        <source>{rating}  {meaning}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="958"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="960"/>
        <source>Copy	Ctrl+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="961"/>
        <source>Paste ratings	Ctrl+V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="964"/>
        <source>Rating and rationale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="965"/>
        <source>State likelihoods of this column…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="966"/>
        <source>State likelihoods of this row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="1069"/>
        <source>SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_page.py" line="265"/>
        <location filename="../../sat_tool/ui/matrix_page.py" line="327"/>
        <source>Hypotheses down the side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="97"/>
        <source>Rate CC, C, N, I, II or NA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="98"/>
        <source>Rate C, CC, N, I, II or NA by letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="100"/>
        <source>Clear the selected cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="101"/>
        <source>Open the cell&apos;s rating and rationale (on a rating cell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="103"/>
        <source>Edit the evidence item (on its text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="104"/>
        <source>Copy the selected block as a spreadsheet does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="105"/>
        <source>Paste ratings from the cursor, or evidence rows on an item&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="107"/>
        <source>Move the cursor; select a block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="108"/>
        <source>Arrows, Tab; Shift+Arrows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="109"/>
        <source>Next and previous match of Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="111"/>
        <source>Close Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="117"/>
        <source>1 CC · 2 C · 3 N · 4 I · 5 II · 6 NA — or C, Shift+C, N, I, Shift+I, A · Del clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="687"/>
        <source>Rows are sorted by diagnosticity or filtered: turn that off to move a row by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="783"/>
        <source>the clipboard holds no text to paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="785"/>
        <source>the pasted block is larger than any matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="796"/>
        <source>line {line}, value {value} of the pasted text, {text}, is not a rating (CC, C, N, I, II or NA, or their names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="802"/>
        <source>put the cursor on a rating cell to paste ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="812"/>
        <source>the pasted block is {rows} by {columns} but only {free_rows} by {free_columns} cells lie from the cursor to the matrix&apos;s edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/matrix_view.py" line="821"/>
        <source>the pasted block reaches cells that hold no ratings; paste ratings only over rating cells</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="51"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="52"/>
        <source>evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="53"/>
        <source>matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="54"/>
        <source>hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="55"/>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="134"/>
        <source>it is not a copy of this case (its case id differs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="154"/>
        <source>matrix {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="160"/>
        <source>none of its parts are this case&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="198"/>
        <source>H{number} of {matrix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/merge.py" line="241"/>
        <source>{analyst}’s probabilities of H{number} of {matrix}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="848"/>
        <source>Merge {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="858"/>
        <source>Merged, but their ratings of matrix {numbers} were left out: it is rated blind and you have not rated every cell of it yet (the workspace&apos;s owner can merge them).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="42"/>
        <source>Merge {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="47"/>
        <source>{n} new sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="47"/>
        <source>1 new source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="48"/>
        <source>1 new evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="49"/>
        <source>{n} new evidence items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="50"/>
        <source>{n} new matrices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="50"/>
        <source>1 new matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="51"/>
        <source>1 new hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="52"/>
        <source>{n} new hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="53"/>
        <source>{n} new matrix rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="53"/>
        <source>1 new matrix row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="54"/>
        <source>1 rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="55"/>
        <source>{n} ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="59"/>
        <source>({n} newer than ours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="62"/>
        <source>by {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="63"/>
        <source>&lt;b&gt;{file}&lt;/b&gt; is a copy of &lt;b&gt;{case}&lt;/b&gt;. Merging it adds {parts}; nothing is deleted, and one undo takes it all back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="66"/>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="68"/>
        <source>{n} of our ratings were changed after the copy&apos;s and stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="74"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="74"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="74"/>
        <source>Ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="75"/>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="75"/>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="95"/>
        <source>Take the copy&apos;s value instead of ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="105"/>
        <source>These differ between the case and the copy; each keeps ours unless you tick “Take theirs”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/merge_dialog.py" line="112"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveHypothesisCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="485"/>
        <source>Move hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveRowCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="661"/>
        <source>Move evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="708"/>
        <source>Record the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="710"/>
        <source>Once the answer is known, record it: the matrix is frozen in a snapshot as it stands, and the analyst&apos;s probabilities and the tool&apos;s are scored against it (Analysis ▸ Calibration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="717"/>
        <source>None of these hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="718"/>
        <source>What proved true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="720"/>
        <source>Known since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="721"/>
        <source>2015, 2015-03 or 2015-03-18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="723"/>
        <source>On what grounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="724"/>
        <source>The report, ruling or event that settled it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="734"/>
        <source>{date} is not a date such as 2015, 2015-03 or 2015-03-18.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="554"/>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="561"/>
        <source>The findings are being worked out for the matrix as it is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="584"/>
        <source>{links} and {rest} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Parc</name>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="188"/>
        <source>{file} is not a PARC ACH project (not gzip-compressed XML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="196"/>
        <source>{file} expands to more than {size} MiB: refused as a possible compression bomb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="200"/>
        <source>{file} is damaged: the compressed data ends early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="203"/>
        <source>{file} is damaged: the compressed data cannot be read ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="217"/>
        <source>{file} does not contain XML text (expected UTF-16 or UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="229"/>
        <source>{file} declares XML entities, which SAT Tool refuses for safety: it may be an XML bomb or reach for other files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="233"/>
        <source>{file} is not well-formed XML ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="269"/>
        <source>{file} is not a PARC ACH project (it has no MATRIX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="282"/>
        <source>{file}: hypothesis {number} has no NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="286"/>
        <source>{file}: the matrix has no hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="314"/>
        <source>{file}: evidence {number} has no NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="337"/>
        <source>{file}: evidence {number} has {ratings} ratings for {hypotheses} hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="347"/>
        <source>{file}: evidence {number}, hypothesis {title!r}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/parc.py" line="359"/>
        <source>{file}: evidence {number} {tag}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasteEvidenceCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="532"/>
        <source>Paste an evidence row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="533"/>
        <source>Paste {count} evidence rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasteRatingsCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="173"/>
        <source>Paste a rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="174"/>
        <source>Paste {count} ratings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pasted</name>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="66"/>
        <source>the clipboard holds no text to paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="80"/>
        <source>the pasted header names no evidence column (Evidence, Item, Information…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="90"/>
        <source>the pasted rows have {values} values after the text but the matrix has {hypotheses} hypotheses; paste a header line (Evidence, Type, Credibility, H1 …) to say what each column holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="98"/>
        <source>{rows} rows are pasted; SAT Tool takes at most {most} at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="118"/>
        <source>line {line} of the pasted text has values but no evidence text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="141"/>
        <source>{value!r} is not a date such as 2012, 2012-04 or 2012-04-18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="152"/>
        <source>line {line}, value {column} of the pasted text: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/pasted.py" line="157"/>
        <source>the pasted text holds no evidence rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlainIconProvider</name>
    <message>
        <location filename="../../sat_tool/ui/file_dialogs.py" line="60"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/file_dialogs.py" line="63"/>
        <source>{suffix} file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/file_dialogs.py" line="65"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="615"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="616"/>
        <source>Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="617"/>
        <source>Your name, recorded on each rating you make</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="35"/>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="36"/>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="37"/>
        <source>Incons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="38"/>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="39"/>
        <source>P(H|E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="41"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="42"/>
        <source>Cred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="43"/>
        <source>Rel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="44"/>
        <source>Inconsistency · weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="97"/>
        <source>ranked by weighted inconsistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="99"/>
        <source>ranked by the inconsistency count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="100"/>
        <source>ranked by probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/printing.py" line="142"/>
        <source>Print preview: {question}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Probability</name>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="54"/>
        <source>Items of one source (or of one origin the analyst names) count together as one line of evidence; the lines are assumed independent given each hypothesis. Read the numbers as the weight of the evidence, not as forecasts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="216"/>
        <location filename="../../sat_tool/domain/probability.py" line="218"/>
        <source>Source {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="220"/>
        <source>{item} (no source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/probability.py" line="223"/>
        <source>An item with no source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../sat_tool/ui/progress.py" line="64"/>
        <source>SAT Tool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickStart</name>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="135"/>
        <location filename="../../sat_tool/ui/manual.py" line="172"/>
        <source>Open the sample case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="136"/>
        <source>File ▸ Open the sample case, or the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="137"/>
        <source>Rate a cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="138"/>
        <source>In M1, click a rating cell and press a key: 4 rates it I (inconsistent), 2 rates it C. Watch the hypothesis&apos;s score in its header change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="141"/>
        <source>Undo it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="142"/>
        <source>Press Ctrl+Z: the rating goes back, in the workspace too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="144"/>
        <source>See what the ranking rests on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="145"/>
        <source>Open the Sensitivity tab on the right: the linchpin items and the fewest re-ratings that would change the leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="147"/>
        <source>See where the probabilities come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="148"/>
        <source>Open the By source tab: how much each source moves the leading hypothesis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="155"/>
        <source>Quick start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="159"/>
        <source>Two minutes through the prebuilt case. Each step is ticked as you do it in the window; this box can stay open beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/manual.py" line="176"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="72"/>
        <source>{text} is not a rating (expected one of {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="79"/>
        <source>Very consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="80"/>
        <source>Consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="81"/>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="82"/>
        <source>Inconsistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="83"/>
        <source>Very inconsistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="84"/>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="52"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="83"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="83"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/case_view.py" line="84"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../sat_tool/report/__init__.py" line="35"/>
        <source>reports are html or pdf, not {format!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="191"/>
        <source>{rationale} (likelihood stated: {likelihood})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="201"/>
        <source>not given in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="202"/>
        <source>{outcome} Brier score (0 perfect, 2 worst) of the analyst&apos;s probabilities: {analyst}; of the tool&apos;s posteriors as the matrix stands: {tool}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="242"/>
        <source>Rated by {names}; the team&apos;s scores are the mean of the scores of {counted}, and put {lead} first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="251"/>
        <source>{count} cells are disputed; the most: {cells}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="255"/>
        <source>Without {name}, the team would put {others} first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="269"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="269"/>
        <source>Spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="270"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="290"/>
        <source>By line of evidence: {posteriors}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="291"/>
        <source>Were every item independent: {posteriors}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="301"/>
        <source>{leader} {posterior} ({shift}); {other} leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="304"/>
        <source>{leader} {posterior} ({shift})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="315"/>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="316"/>
        <source>What each item adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="325"/>
        <source>Sensitivity needs two hypotheses and some evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="329"/>
        <source>Without {item}, the tie for the lead is decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="331"/>
        <source>Without {item}, another hypothesis draws level with the leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="334"/>
        <source>Without {item}, the leading hypothesis changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="336"/>
        <source>Without {item}, the order of the hypotheses changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="339"/>
        <source>No single evidence item changes the ranking when it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="345"/>
        <source>{item} against {hypothesis} from {before} to {after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="347"/>
        <source>unrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="350"/>
        <source>{change}: {cells}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="71"/>
        <location filename="../../sat_tool/report/pdf.py" line="146"/>
        <source>Report generated {when} by SAT Tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="92"/>
        <location filename="../../sat_tool/report/pdf.py" line="218"/>
        <source>Ranked by {mode}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="95"/>
        <location filename="../../sat_tool/report/pdf.py" line="219"/>
        <source>Ranking, least evidence against first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="96"/>
        <location filename="../../sat_tool/report/pdf.py" line="220"/>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/content.py" line="267"/>
        <location filename="../../sat_tool/report/html.py" line="97"/>
        <location filename="../../sat_tool/report/html.py" line="186"/>
        <location filename="../../sat_tool/report/pdf.py" line="220"/>
        <location filename="../../sat_tool/report/pdf.py" line="393"/>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="98"/>
        <location filename="../../sat_tool/report/pdf.py" line="221"/>
        <source>Inconsistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="99"/>
        <location filename="../../sat_tool/report/pdf.py" line="221"/>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="100"/>
        <location filename="../../sat_tool/report/pdf.py" line="222"/>
        <source>P(H|E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="101"/>
        <location filename="../../sat_tool/report/pdf.py" line="222"/>
        <source>Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="112"/>
        <location filename="../../sat_tool/report/pdf.py" line="238"/>
        <source>Where the probabilities come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="114"/>
        <location filename="../../sat_tool/report/pdf.py" line="240"/>
        <source>Line of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="115"/>
        <location filename="../../sat_tool/report/pdf.py" line="240"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="116"/>
        <location filename="../../sat_tool/report/pdf.py" line="241"/>
        <source>Leader without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="120"/>
        <location filename="../../sat_tool/report/pdf.py" line="248"/>
        <source>The team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="128"/>
        <location filename="../../sat_tool/report/pdf.py" line="259"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="129"/>
        <location filename="../../sat_tool/report/pdf.py" line="261"/>
        <source>The matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="133"/>
        <location filename="../../sat_tool/report/pdf.py" line="275"/>
        <source>None yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="134"/>
        <location filename="../../sat_tool/report/pdf.py" line="271"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="136"/>
        <location filename="../../sat_tool/report/pdf.py" line="272"/>
        <source>The analyst&apos;s judgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="138"/>
        <location filename="../../sat_tool/report/pdf.py" line="276"/>
        <source>Conclusions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="140"/>
        <location filename="../../sat_tool/report/pdf.py" line="279"/>
        <source>Milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="144"/>
        <location filename="../../sat_tool/report/pdf.py" line="283"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="165"/>
        <location filename="../../sat_tool/report/pdf.py" line="133"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="165"/>
        <location filename="../../sat_tool/report/pdf.py" line="133"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="166"/>
        <location filename="../../sat_tool/report/pdf.py" line="134"/>
        <source>Cred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="166"/>
        <location filename="../../sat_tool/report/pdf.py" line="134"/>
        <source>Rel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="167"/>
        <location filename="../../sat_tool/report/pdf.py" line="134"/>
        <source>Diag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="205"/>
        <location filename="../../sat_tool/report/pdf.py" line="584"/>
        <source>Sources cited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="211"/>
        <location filename="../../sat_tool/report/pdf.py" line="589"/>
        <source>Reliability: {reliability}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/html.py" line="215"/>
        <source>“{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/pdf.py" line="75"/>
        <source> … [in full below]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/pdf.py" line="185"/>
        <source>Page {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/pdf.py" line="235"/>
        <source>Hypotheses in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/pdf.py" line="268"/>
        <source>Evidence in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/pdf.py" line="328"/>
        <location filename="../../sat_tool/report/pdf.py" line="390"/>
        <source>Part {number} of {parts}: {first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/pdf.py" line="408"/>
        <source>The evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/report/pdf.py" line="591"/>
        <source>{label}: “{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoresModel</name>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="695"/>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="696"/>
        <source>Incons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="696"/>
        <source>Wtd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="697"/>
        <source>P(H|E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="697"/>
        <source>Judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="699"/>
        <source>Rank in the matrix&apos;s scoring mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="700"/>
        <source>Inconsistency score: I counts 1, II counts 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="701"/>
        <source>Weighted inconsistency: each row weighted by credibility × relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="703"/>
        <source>Posterior probability in the probabilistic view (lines of evidence independent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="705"/>
        <source>Your own probability for the hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="750"/>
        <source>{hypothesis} ({unrated} unrated)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="199"/>
        <source>Which score ranks the hypotheses; all three are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="224"/>
        <source>P(H|E) counts the items of one source as one line of evidence and assumes the lines independent: read it as the weight of the evidence, not a forecast (By source tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="233"/>
        <source>Rank by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="316"/>
        <source>What-if: {excluded} left out, {deception} read as deception, {credibility} credibility tried. Scores below are hypothetical.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoringMode</name>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="478"/>
        <source>Inconsistency count (Heuer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="479"/>
        <source>Weighted inconsistency (PARC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/model.py" line="480"/>
        <source>Probability (Bayes, by line of evidence)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="344"/>
        <source>Revert to the real matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="348"/>
        <source>What the ranking rests on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="353"/>
        <source>What if…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="373"/>
        <source>Working out what the ranking rests on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="384"/>
        <source>Sensitivity needs two hypotheses and some evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="403"/>
        <source>&lt;b&gt;Linchpin&lt;/b&gt; (leader): Without {links} another hypothesis leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="404"/>
        <source>&lt;b&gt;Linchpins&lt;/b&gt; (leader): Without any one of {links} another hypothesis leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="409"/>
        <source>&lt;b&gt;Linchpin&lt;/b&gt; (tie): Without {links} the tie for the lead is decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="410"/>
        <source>&lt;b&gt;Linchpins&lt;/b&gt; (tie): Without any one of {links} the tie for the lead is decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="416"/>
        <source>&lt;b&gt;Linchpin&lt;/b&gt; (a tie): Without {links} another hypothesis joins the hypotheses tied for the lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="418"/>
        <source>&lt;b&gt;Linchpins&lt;/b&gt; (a tie): Without any one of {links} another hypothesis joins the hypotheses tied for the lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="423"/>
        <source>&lt;b&gt;Linchpin&lt;/b&gt; (a tie): Without {links} another hypothesis draws level with the leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="425"/>
        <source>&lt;b&gt;Linchpins&lt;/b&gt; (a tie): Without any one of {links} another hypothesis draws level with the leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="430"/>
        <source>Without {links} the order below the leader changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="431"/>
        <source>Without any one of {links} the order below the leader changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="433"/>
        <source>No single item changes the ranking when it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="442"/>
        <source>&lt;b&gt;{how_many}&lt;/b&gt; would {what}: {cells}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="445"/>
        <source>No re-rating puts a hypothesis from outside the lead alone in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetAssessmentCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="189"/>
        <source>Edit rating and rationale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetBlindCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="257"/>
        <source>Rate blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="259"/>
        <source>Lift blind rating</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetCellsCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="129"/>
        <source>Rate {rating}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="131"/>
        <source>Clear rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="133"/>
        <source>Rate {rating} ({count} cells)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="136"/>
        <source>Clear rating ({count} cells)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetLikelihoodsCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="228"/>
        <source>State likelihoods</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetOutcomeCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="275"/>
        <source>Record the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="277"/>
        <source>Reopen the question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetProbabilitiesCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="326"/>
        <source>Set priors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="328"/>
        <source>Set probabilities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetScoringModeCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="304"/>
        <source>Rank by {mode}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetTransposedCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="239"/>
        <source>Hypotheses down the side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="241"/>
        <source>Hypotheses across</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetLayout</name>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="49"/>
        <source>{text!r} is not a column role (expected one of {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="110"/>
        <source>{letters!r} is not a column letter (A, B … AA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="116"/>
        <source>{letters!r} is beyond the last column of a sheet (XFD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="141"/>
        <source>{value!r} is not a rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="178"/>
        <source>numbers 1 to 3 (1 Low, 2 Medium, 3 High)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="179"/>
        <source>numbers 1 to 5 (1–2 Low, 3 Medium, 4–5 High)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="181"/>
        <source>fractions 0 to 1 (below ⅓ Low, below ⅔ Medium, above High)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="183"/>
        <source>percentages 0 to 100 (below 33 Low, below 67 Medium, above High)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="207"/>
        <source>{value!r} is not a level (expected High, Medium or Low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="212"/>
        <source>{value!r} is not a level (expected High, Medium or Low, or numbers on one scale: 1 to 3, 1 to 5, 0 to 1 or 0 to 100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="223"/>
        <source>{value!r} is not a level (expected High, Medium or Low, H, M or L, or numbers on one scale: 1 to 3, 1 to 5, 0 to 1 or 0 to 100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="271"/>
        <source>columns {first} and {second} are both given the role {role}: one column at most can hold it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="279"/>
        <source>column {letter} holds the {role} instead, as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="285"/>
        <source>chosen by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="288"/>
        <source>only one column can hold the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="386"/>
        <source>headed {header!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="391"/>
        <source>named as a hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="395"/>
        <source>holds ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="399"/>
        <source>holds numbers, not ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="401"/>
        <source>holds no ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="403"/>
        <source>an empty column, read as a hypothesis not yet rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="420"/>
        <source>the first column of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/sheet_layout.py" line="426"/>
        <source>headed {header!r}, after the evidence column</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="752"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="754"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="757"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="757"/>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="758"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <location filename="../../sat_tool/domain/snapshots.py" line="74"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/snapshots.py" line="213"/>
        <source>{value} is not a source id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/snapshots.py" line="222"/>
        <source>{number} is not a probability between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnapshotsPanel</name>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="41"/>
        <source>Save snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="43"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="55"/>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="55"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="55"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="55"/>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="68"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="70"/>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="101"/>
        <source>{name}   ({when} UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="113"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="124"/>
        <source>Save snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="124"/>
        <source>Name of this snapshot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="125"/>
        <source>Snapshot {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="164"/>
        <source>{label} added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="166"/>
        <source>{label} removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="168"/>
        <source>No cell changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="219"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/snapshots_panel.py" line="220"/>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="323"/>
        <source>Edit source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="324"/>
        <source>New source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="327"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="329"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="330"/>
        <source>Publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="332"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="333"/>
        <source>2012-04-30, 2012-04 or 2012</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="335"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="337"/>
        <source>Reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="338"/>
        <source>Who wrote it, for whom, what bias to expect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="341"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="342"/>
        <source>Paste the document&apos;s text, or load it from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="344"/>
        <source>Load text from a .txt, .md or .html file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="355"/>
        <source>Load source text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/dialogs.py" line="356"/>
        <source>Text, Markdown or HTML (*.txt *.md *.markdown *.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceFile</name>
    <message>
        <location filename="../../sat_tool/formats/text_import.py" line="38"/>
        <source>{file}: SAT Tool reads sources from {suffixes} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/text_import.py" line="49"/>
        <source>{file} has no text to use as a source (it is empty, or a web page whose only content is scripts and styles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/text_import.py" line="61"/>
        <source>{file} is not valid UTF-16 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/text_import.py" line="64"/>
        <location filename="../../sat_tool/formats/text_import.py" line="69"/>
        <source>{file} is not a text file (it contains binary data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/text_import.py" line="78"/>
        <source>{file} is neither UTF-8 nor Windows-1252 text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceReader</name>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="162"/>
        <source>Click to show this evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="186"/>
        <source>Add as evidence…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcesPane</name>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="207"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="223"/>
        <source>Add selection as evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="236"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="237"/>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="242"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="243"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="251"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="352"/>
        <source>&lt;i&gt;No sources yet. Add one, or open a .txt, .md or .html file.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="361"/>
        <source>&lt;b&gt;Reliability.&lt;/b&gt; {reliability}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="365"/>
        <source>{passages} passages quoted by {cited} evidence items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/source_pane.py" line="367"/>
        <source>Highlighted passages are quoted by evidence items: click one to see its row. Select any passage to add it as evidence.</source>
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
        <location filename="../../sat_tool/ui/start_page.py" line="100"/>
        <source>never opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="102"/>
        <source>1 matrix, {evidence} evidence items — last opened {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="104"/>
        <source>{matrices} matrices, {evidence} evidence items — last opened {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="109"/>
        <source>{title} (read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="113"/>
        <source>Shared with you to read only: you can read and export this case, not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="120"/>
        <source>No cases in this workspace yet: create one or open the sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/start_page.py" line="125"/>
        <source>Workspace: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="912"/>
        <source>Heuer&apos;s eight steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="915"/>
        <source>Click a finding to go where it can be fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="927"/>
        <source>Working out where the matrix stands…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeSnapshotCommand</name>
    <message>
        <location filename="../../sat_tool/ui/commands.py" line="350"/>
        <source>Save snapshot {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../../sat_tool/domain/team.py" line="423"/>
        <source>{name}&apos;s judgments are all 0 %, so they are left out of the group&apos;s probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/team.py" line="425"/>
        <source>{name} has not judged every hypothesis, so those judgments are left out of the group&apos;s probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/domain/team.py" line="427"/>
        <source>{name}&apos;s judgments sum to {total:.0f} %, not 100 %, so they are scaled to sum to 100 % before they are averaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamPanel</name>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="92"/>
        <source>Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="92"/>
        <source>Rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="92"/>
        <source>Agrees with the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="93"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="112"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="215"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="346"/>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="93"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="215"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="93"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="215"/>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="97"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="109"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="326"/>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="97"/>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="97"/>
        <source>Disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="109"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="109"/>
        <source>Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="112"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="348"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="112"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="348"/>
        <source>Spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="113"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="348"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="116"/>
        <source>Only one analyst has rated this matrix. When colleagues rate it too (in a shared workspace, or in their own copy imported back with File ▸ Import), their ratings are read together here: the team&apos;s scores, where you disagree, and the group&apos;s probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="129"/>
        <source>against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="130"/>
        <source>The team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="134"/>
        <source>Team scores (the mean of the analysts’ scores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="137"/>
        <source>Most disputed cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="140"/>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="148"/>
        <source>Group probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="171"/>
        <source>This matrix is rated blind: you see the hypotheses in an order of your own, and the other analysts&apos; ratings once you have rated every cell ({left} to go).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="186"/>
        <source>{count} analysts have rated this matrix; you rate it as &lt;b&gt;{me}&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="190"/>
        <source>Still rating, and left out of the team&apos;s scores until they have rated every cell: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="247"/>
        <source>Taken alone, &lt;b&gt;{name}&lt;/b&gt;’s ratings would put &lt;b&gt;{level}&lt;/b&gt; level with &lt;b&gt;{lead}&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="251"/>
        <source>Taken alone, &lt;b&gt;{name}&lt;/b&gt;’s ratings would put &lt;b&gt;{alone}&lt;/b&gt; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="256"/>
        <source>Without &lt;b&gt;{name}&lt;/b&gt;, the team would put &lt;b&gt;{without}&lt;/b&gt; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="260"/>
        <source>Every analyst’s ratings alone put &lt;b&gt;{lead}&lt;/b&gt; first, and no one analyst’s ratings decide the team’s leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="276"/>
        <location filename="../../sat_tool/ui/team_panel.py" line="332"/>
        <source>Show this cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="286"/>
        <source>The analysts agree on every cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="288"/>
        <source>{count} more disputed cells; turn on Disagreement above the matrix to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="295"/>
        <source>Team consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="320"/>
        <source>They have no rated cell in common.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="322"/>
        <source>They rate {same} of {both} cells alike ({share:.0%}); {differ} differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="359"/>
        <source>Not judged yet, so not in the group&apos;s probabilities: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="362"/>
        <source>No analyst has judged the hypotheses’ probabilities yet (Judgment tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="377"/>
        <source>entered as {given:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="382"/>
        <source>from {low:.0%} to {high:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/team_panel.py" line="387"/>
        <source>The tool’s posterior from your ratings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatIfModel</name>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="804"/>
        <source>Leave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="805"/>
        <source>Deception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="806"/>
        <source>Credibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="806"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="807"/>
        <source>Score the matrix as if this item were not there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="808"/>
        <source>Read the item as deception: what it seemed to support, it undercuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="810"/>
        <source>Try another credibility for the item (its own is not changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="812"/>
        <source>The evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/models.py" line="894"/>
        <source>own ({level})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkbookImportDialog</name>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="42"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="43"/>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="44"/>
        <source>Credibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="45"/>
        <source>Relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="46"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="47"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="48"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="49"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="50"/>
        <source>Category (kept in the notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="51"/>
        <source>Number (the item&apos;s label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="52"/>
        <source>Not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="71"/>
        <source>Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="79"/>
        <source>SAT Tool has read the workbook as shown. Tick the sheets to import, and change a column&apos;s role or the header row where it is read wrongly; nothing is imported until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="84"/>
        <source>Sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="91"/>
        <source>Header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="94"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="94"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="95"/>
        <source>Read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="95"/>
        <source>First values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="98"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="106"/>
        <source>Headers in row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="119"/>
        <source>What will be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="122"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="130"/>
        <source>What will be imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="146"/>
        <source>{sheet}
    skipped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="152"/>
        <source>Skipped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="153"/>
        <source>Imported as a matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="183"/>
        <source>Not imported: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="192"/>
        <source>{rows} evidence rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="193"/>
        <source>{rows} evidence rows; not imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="204"/>
        <source>Read as {role}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="206"/>
        <source>Column {letter} read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/ui/workbook_import.py" line="269"/>
        <source>This cannot be imported as chosen: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XlsxImport</name>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="109"/>
        <source>not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="114"/>
        <source>evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="115"/>
        <source>hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="116"/>
        <source>credibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="117"/>
        <source>relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="118"/>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="119"/>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="120"/>
        <source>sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="121"/>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="122"/>
        <source>category, kept in the notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="123"/>
        <source>numbers, kept as the items&apos; labels where they are unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="125"/>
        <source>not read (SAT Tool has no field for it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="139"/>
        <source>{count} MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="157"/>
        <source>the workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="163"/>
        <source>{file} is not an Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="166"/>
        <source>cannot read {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="169"/>
        <source>{file} is a zip file but not an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="172"/>
        <source>{file} holds {count} parts: refused as malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="178"/>
        <source>{file} would expand to {size}: refused as a possible zip bomb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="182"/>
        <source>{file}: its part {part} would expand to {size}, more than the {most} SAT Tool reads: refused as a possible zip bomb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="220"/>
        <source>{file} looks like a SAT Tool export that has lost the hidden sheet {sheet!r} holding the case; export the case again, or copy a matrix sheet into a new workbook to import it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="237"/>
        <source>{file} is not a readable Excel workbook ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="254"/>
        <source>{file} declares XML entities, which SAT Tool refuses for safety: it may be an XML bomb or reach for other files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="305"/>
        <source>{number} is not a valid row number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="311"/>
        <source>sheet {sheet!r} has a cell in row {row}; SAT Tool reads at most {most} rows a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="320"/>
        <source>sheet {sheet!r} holds more than {most} cells, the most SAT Tool reads in a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="326"/>
        <source>sheet {sheet!r} has a cell in column {letter} (column {column}); SAT Tool reads at most {most} columns a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="354"/>
        <source>sheet {sheet!r} spans {rows} rows ({span}); SAT Tool reads at most {most} rows a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="359"/>
        <source>sheet {sheet!r} spans {columns} columns ({span}); SAT Tool reads at most {most} columns a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="386"/>
        <source>{file}: sheet {sheet!r} has a damaged merged range {range!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="391"/>
        <source>{file}: sheet {sheet!r} cannot be read ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="396"/>
        <source>sheet {sheet!r}, row {row}, column {column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="406"/>
        <source>(a shared formula)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="409"/>
        <source>{where}: the formula {formula} has no saved result, so SAT Tool cannot tell its value (open and save the workbook in Excel or LibreOffice, or type the value instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="462"/>
        <source>{where}: {value!r} is not a rating (expected CC, C, N, I, II or NA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="472"/>
        <source>{where}: the cells {range} are merged, so this one reads as empty; unmerge them and fill in each cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="495"/>
        <source>{file}: sheet {sheet!r} is damaged (a part of the case is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="510"/>
        <source>{file}: sheet {sheet!r} is damaged (its marker is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="521"/>
        <source>{file}: the case stored in the workbook is damaged ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="647"/>
        <source>Sheet {sheet!r} skipped: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="651"/>
        <source>Sheet {sheet!r}: {layout}; {rows} evidence rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="660"/>
        <source>headers in row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="667"/>
        <source>not read: column {letter} holds the {role}, as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="672"/>
        <source>not read, as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="673"/>
        <source>no header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="676"/>
        <source>column {letter} ({header}) {what} as {scale}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="679"/>
        <source>column {letter} ({header}) {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="683"/>
        <source>1 hypothesis in column {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="686"/>
        <source>{count} hypotheses in columns {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="697"/>
        <source>{file} is a SAT Tool export: import it as it is, without choosing sheets or columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="712"/>
        <source>{file} has no visible sheet {sheet!r} (its sheets: {sheets})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="743"/>
        <source>{file} has no sheet with a matrix: put evidence in the first column and hypotheses in the first row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="811"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="814"/>
        <source>its cells are formulas over the sheet {sheet!r}, which they copy or score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="820"/>
        <source>sheet {sheet!r}, row {row}: the header row chosen is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="828"/>
        <source>sheet {sheet!r}, row {row}: no hypotheses found in the header row chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="834"/>
        <source>sheet {sheet!r}, row 1: no hypotheses found (expected their names across the first row, after the evidence column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="837"/>
        <source>no column of ratings under a row of headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="844"/>
        <source>sheet {sheet!r} has no column {letter}: its last column is {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="851"/>
        <source>sheet {sheet!r}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="854"/>
        <source>sheet {sheet!r}: no column holds the evidence (give one the evidence role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="858"/>
        <source>sheet {sheet!r}: no column holds a hypothesis (give one the hypothesis role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="893"/>
        <source>sheet {sheet!r}: no evidence found (expected one item per row in column {column}, below the headers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="910"/>
        <source>1 row above the headers (a title block) skipped; its first line, {title!r}, is the matrix&apos;s question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="913"/>
        <source>{count} rows above the headers (a title block) skipped; its first line, {title!r}, is the matrix&apos;s question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="916"/>
        <source>1 row above the headers (a title block) skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="918"/>
        <source>{count} rows above the headers (a title block) skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="922"/>
        <source>Column {column} has 1 value but no header: not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="924"/>
        <source>Column {column} has {count} values but no header: not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="929"/>
        <source>Row {row} skipped: a row of totals or scores, whose formulas have no saved results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="933"/>
        <source>Row {row} skipped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="938"/>
        <source>{count} more dates kept in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="958"/>
        <source>the workbook&apos;s own scores ({theirs}) agree in size with PARC&apos;s (inconsistency {parc}, weighted {weighted}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="961"/>
        <source>the workbook&apos;s own scores ({theirs}) agree in size with PARC&apos;s for these ratings (inconsistency {parc}, weighted {weighted}), though its formulas may score other ratings by rules of their own; SAT Tool scores by PARC&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="966"/>
        <source>the workbook&apos;s own scores ({theirs}) follow rules other than PARC&apos;s; SAT Tool scores by PARC&apos;s: inconsistency {parc} and weighted {weighted}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="1009"/>
        <source>{where}: ratings without an evidence item (expected the evidence text in column {column})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="1044"/>
        <source>{where}: {value!r} is under the merged header {header!r} ({range}), which names no hypothesis of its own; unmerge the header and name each hypothesis in its own cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="1049"/>
        <source>{where}: {value!r} is under the merged header ({range}), which names no hypothesis of its own; unmerge the header and name each hypothesis in its own cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="1055"/>
        <source>{where}: {value!r} is under an empty header (expected a hypothesis name in row {row} above it, or nothing in this column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="1082"/>
        <source>{where}: {role} {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="1116"/>
        <source>Row {row}, column {column}: {text!r} is not a date (2012, 2012-04 or 2012-04-18); kept in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sat_tool/formats/xlsx_import.py" line="1138"/>
        <source>The item numbers are not unique whole numbers: the items are numbered in order instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <location filename="../../sat_tool/ui/panels.py" line="508"/>
        <source>own ({level})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
