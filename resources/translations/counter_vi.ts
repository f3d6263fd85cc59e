<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin_page.py" line="30"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="31"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="32"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="33"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="34"/>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="36"/>
        <source>Disable / enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="38"/>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="55"/>
        <source> (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="80"/>
        <source>Unexpected error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="81"/>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="49"/>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="51"/>
        <source>(not stated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="52"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="53"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="62"/>
        <source>&amp;Scan CCCD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="64"/>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="65"/>
        <source>Personal &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="66"/>
        <source>Old ID card (CMND):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="67"/>
        <source>&amp;Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="68"/>
        <source>Se&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="69"/>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="70"/>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="71"/>
        <source>E&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="72"/>
        <source>Social insurance no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="73"/>
        <source>Health-insurance card:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CccdScanField</name>
    <message>
        <location filename="../../ui/widgets/cccd_scan_field.py" line="23"/>
        <source>Scan the QR code on the citizen identity card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="30"/>
        <source>Connection: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="32"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="32"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="33"/>
        <source>Pending sync: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="34"/>
        <source>Last sync: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="35"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyLogDialog</name>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="58"/>
        <source>Dossier tracking log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="61"/>
        <source>Several &amp;days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="67"/>
        <source>Whole office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="74"/>
        <source>&amp;Make the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="75"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="79"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="81"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="82"/>
        <source>&amp;Staff member:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="116"/>
        <source>{name} ({username})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="123"/>
        <source>Could not load the staff list; the log covers the whole office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="148"/>
        <source>The end date is before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <location filename="../../ui/dossier_detail.py" line="63"/>
        <source>Dossier {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="75"/>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="79"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="79"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="79"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="79"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="79"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="86"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="98"/>
        <source>Print:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="100"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="100"/>
        <source>Supplement request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="101"/>
        <source>Refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="101"/>
        <source>Apology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="101"/>
        <source>Control sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="102"/>
        <source>TK1-TS form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="102"/>
        <source>Fee receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="111"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="142"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="142"/>
        <source>due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="143"/>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="169"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="169"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="172"/>
        <source>exempt ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="176"/>
        <source>at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="176"/>
        <source>by post: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="179"/>
        <source>Procedure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="180"/>
        <source>Applicant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="181"/>
        <source>Personal ID / birth date / sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="183"/>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="184"/>
        <source>Phone / e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="185"/>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="185"/>
        <source>{time} by {name} (book {book}, no. {number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="188"/>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="189"/>
        <source>Papers ({sets} sets):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="190"/>
        <source>Fees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="190"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="191"/>
        <source>Result delivery:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="192"/>
        <source>Processing agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="195"/>
        <source>Returned:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="195"/>
        <source>{time} to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="210"/>
        <source>National portal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierFilters</name>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="32"/>
        <source>Name, address, ID number, phone or dossier code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="35"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="39"/>
        <source>All procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="43"/>
        <source>Any deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="44"/>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="45"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="46"/>
        <source>Received &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="56"/>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="58"/>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="60"/>
        <source>&amp;Procedure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="62"/>
        <source>D&amp;eadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="74"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../ui/dossier_list.py" line="86"/>
        <source>Dossier code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="86"/>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="86"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="86"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="87"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="87"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="87"/>
        <source>Received by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="206"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="206"/>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="207"/>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <location filename="../../ui/dossier_list.py" line="268"/>
        <source>Dossier tracking &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="271"/>
        <source>&amp;Open (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="307"/>
        <source>{count} dossiers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeeEditor</name>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="33"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="34"/>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="35"/>
        <source>Exempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="63"/>
        <source>Reason for exemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="76"/>
        <source>No fee for this procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="86"/>
        <source>Total to collect: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/lock.py" line="77"/>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="27"/>
        <source>Screen locked. {name}, type your password to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="19"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="30"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="31"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="46"/>
        <source>Could not log in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="30"/>
        <source>One-stop counter — {office}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="34"/>
        <source>Receive (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="35"/>
        <source>Dossiers (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36"/>
        <source>Return results (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="38"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>Lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperChecklist</name>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="25"/>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="26"/>
        <source>Certified copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="27"/>
        <source>Photocopy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="28"/>
        <source>Original or certified copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="41"/>
        <source>Required paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="49"/>
        <source> copies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/printing_actions.py" line="134"/>
        <source>The receipt printer is not set or not available; choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="142"/>
        <source>Could not print on {printer}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="144"/>
        <source>Printed {paper} for {code} on {printer} ({pages} page(s)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="156"/>
        <source>Record the supplement request on the dossier first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="157"/>
        <source>Record the refusal on the dossier first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="158"/>
        <source>Record the new appointment (reschedule) on the dossier first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="160"/>
        <source>Cannot make “{paper}” for dossier {code} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="163"/>
        <source>Could not make “{paper}” ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="173"/>
        <source>Only supervisors and administrators print the dossier tracking log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="200"/>
        <source>Making the dossier tracking log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="200"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="233"/>
        <source>Could not make the dossier tracking log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="235"/>
        <source>Could not make the dossier tracking log ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="233"/>
        <source>Print preview: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="240"/>
        <source>&amp;Print (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="243"/>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="246"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="262"/>
        <source>{pages} page(s), A4 {orientation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="264"/>
        <source>landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="264"/>
        <source>portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="266"/>
        <source>printer: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="285"/>
        <source>Print {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="302"/>
        <source>Could not print: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="319"/>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="320"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="332"/>
        <source>Could not save the file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="334"/>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/widgets/procedure_picker.py" line="51"/>
        <source>Type part of the name, e.g. &quot;cap lai the&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <location filename="../../ui/receive_form.py" line="92"/>
        <source>&amp;Restore draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="93"/>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="114"/>
        <source>At the &amp;counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="115"/>
        <source>By p&amp;ost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="121"/>
        <source>Address for the result by post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="125"/>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="129"/>
        <source>&amp;Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="130"/>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="131"/>
        <source>Papers received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="135"/>
        <source>Number of se&amp;ts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="139"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="140"/>
        <source>Result delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="152"/>
        <source>Print receipt (Ctrl+P / F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="153"/>
        <source>New dossier (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="157"/>
        <source>Dossier code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="221"/>
        <source>An unsaved draft from {time} was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="255"/>
        <source>Due time: choose a procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="257"/>
        <source>Due time if received now: {due} ({time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="270"/>
        <source>Choose a procedure first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="329"/>
        <source>Could not save: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <location filename="../../ui/dossier_list.py" line="356"/>
        <source>&amp;Return result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="13"/>
        <source>Outbox: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="23"/>
        <source>Pending: {p} — failed: {f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
