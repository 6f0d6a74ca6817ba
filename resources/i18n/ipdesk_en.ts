<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/actions.py" line="+170" />
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Reason (optional):</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Note (optional):</source>
        <translation>&amp;Note (optional):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Court:</source>
        <translation>&amp;Court:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Mediator:</source>
        <translation>&amp;Mediator:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To &amp;office:</source>
        <translation>To &amp;office:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Perform “{0}” on this case?</source>
        <translation>Perform “{0}” on this case?</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Re&amp;load case</source>
        <translation>Re&amp;load case</translation>
    </message>
    <message>
        <location line="+31" />
        <source>— none —</source>
        <translation>— none —</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>{0} — %n open case(s)</source>
        <translation>
            <numerusform>{0} — %n open case(s)</numerusform>
            <numerusform>{0} — %n open case(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+82" />
        <source>The case was reloaded. Check it and apply again.</source>
        <translation>The case was reloaded. Check it and apply again.</translation>
    </message>
</context>
<context>
    <name>Adjudication</name>
    <message>
        <location filename="../../ipdesk/ui/adjudication/texts.py" line="+40" />
        <source>Request adjudication</source>
        <extracomment>The case actions of the adjudication track (services/cases/adjudication.py).</extracomment>
        <translation>Request adjudication</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Accept for adjudication</source>
        <translation>Accept for adjudication</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refuse adjudication</source>
        <translation>Refuse adjudication</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Set panel</source>
        <translation>Set panel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Serve request</source>
        <translation>Serve request</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record defence</source>
        <translation>Record defence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Evidence exchange</source>
        <translation>Evidence exchange</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Notify hearing</source>
        <translation>Notify hearing</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record hearing</source>
        <translation>Record hearing</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Suspend (invalidation)</source>
        <translation>Suspend (invalidation)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resume adjudication</source>
        <translation>Resume adjudication</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Decide</source>
        <translation>Decide</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Serve decision</source>
        <translation>Serve decision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>After the window</source>
        <translation>After the window</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Serve reminder</source>
        <translation>Serve reminder</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Apply for enforcement</source>
        <translation>Apply for enforcement</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not accepted</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Accepted (docketed)</source>
        <translation>Accepted (docketed)</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+55" />
        <source>Panel set</source>
        <translation>Panel set</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Request served</source>
        <translation>Request served</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+53" />
        <source>Defence recorded</source>
        <translation>Defence recorded</translation>
    </message>
    <message>
        <location line="-51" />
        <source>Hearing notified</source>
        <translation>Hearing notified</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hearing held</source>
        <translation>Hearing held</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+50" />
        <source>Decision served</source>
        <translation>Decision served</translation>
    </message>
    <message>
        <location line="-48" />
        <location line="+51" />
        <source>Enforcement applied for</source>
        <translation>Enforcement applied for</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Concluded</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location line="+6" />
        <source>In person</source>
        <translation>In person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By post</source>
        <translation>By post</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Electronic (with consent)</source>
        <translation>Electronic (with consent)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Left at the address</source>
        <translation>Left at the address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Through another authority</source>
        <translation>Through another authority</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Public notice</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Acceptance notice</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refusal notice</source>
        <translation>Refusal notice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Request copy and defence notice</source>
        <translation>Request copy and defence notice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oral hearing notice</source>
        <translation>Oral hearing notice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The infringer stopped</source>
        <translation>The infringer stopped</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A party sued</source>
        <translation>A party sued</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not stopped, no suit</source>
        <translation>Not stopped, no suit</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Adjudication requested</source>
        <translation>Adjudication requested</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted for adjudication</source>
        <translation>Accepted for adjudication</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adjudication refused</source>
        <translation>Adjudication refused</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Request served on the respondent</source>
        <translation>Request served on the respondent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Evidence exchanged</source>
        <translation>Evidence exchanged</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oral hearing notified</source>
        <translation>Oral hearing notified</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oral hearing held</source>
        <translation>Oral hearing held</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decision signed off</source>
        <translation>Decision signed off</translation>
    </message>
    <message>
        <location line="+2" />
        <source>After the window to sue</source>
        <translation>After the window to sue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reminder before enforcement served</source>
        <translation>Reminder before enforcement served</translation>
    </message>
</context>
<context>
    <name>AdjudicationTab</name>
    <message>
        <location filename="../../ipdesk/ui/adjudication/tab.py" line="+35" />
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+14" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service receipts</source>
        <translation>Service receipts</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Evidence exchange and hearing records</source>
        <translation>Evidence exchange and hearing records</translation>
    </message>
    <message>
        <location line="+19" />
        <source>This case is not being adjudicated.</source>
        <translation>This case is not being adjudicated.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Step: {0}</source>
        <translation>Step: {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1" />
        <source> (presiding)</source>
        <translation> (presiding)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Panel: {0}</source>
        <translation>Panel: {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Defence due: {0}</source>
        <translation>Defence due: {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Oral hearing: {0}, {1}</source>
        <translation>Oral hearing: {0}, {1}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Suspended: invalidation request {0} pending</source>
        <translation>Suspended: invalidation request {0} pending</translation>
    </message>
    <message>
        <location line="+6" />
        <source>infringement found</source>
        <translation>infringement found</translation>
    </message>
    <message>
        <location line="+2" />
        <source>infringement not found</source>
        <translation>infringement not found</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Decision {0} of {1}: {2}</source>
        <translation>Decision {0} of {1}: {2}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Window to sue ends: {0}</source>
        <translation>Window to sue ends: {0}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Reminder served {0}: enforcement may be applied for after {1}</source>
        <translation>Reminder served {0}: enforcement may be applied for after {1}</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Evidence exchange</source>
        <translation>Evidence exchange</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oral hearing</source>
        <translation>Oral hearing</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="+321" />
        <source>Create the administrator</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The administrator manages users, the organisation, holidays, templates and backups. Keep the password safe.</source>
        <translation>The administrator manages users, the organisation, holidays, templates and backups. Keep the password safe.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Create administrator</source>
        <translation>&amp;Create administrator</translation>
    </message>
    <message numerus="yes">
        <location line="+15" />
        <source>At least %n characters, not only digits.</source>
        <translation>
            <numerusform>At least %n character, not only digits.</numerusform>
            <numerusform>At least %n characters, not only digits.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
</context>
<context>
    <name>AgenciesDialog</name>
    <message>
        <location filename="../../ipdesk/ui/agencies/dialog.py" line="+204" />
        <source>Partner agencies</source>
        <translation>Partner agencies</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Show &amp;deactivated</source>
        <translation>Show &amp;deactivated</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+81" />
        <source>De&amp;activate</source>
        <translation>De&amp;activate</translation>
    </message>
    <message numerus="yes">
        <location line="-28" />
        <source>%n agency(ies)</source>
        <translation>
            <numerusform>%n agency(ies)</numerusform>
            <numerusform>%n agency(ies)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26" />
        <source>&amp;Activate</source>
        <translation>&amp;Activate</translation>
    </message>
</context>
<context>
    <name>AgencyEditDialog</name>
    <message>
        <location line="-201" />
        <source>New agency</source>
        <translation>New agency</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Edit agency — {0}</source>
        <translation>Edit agency — {0}</translation>
    </message>
    <message>
        <location line="+19" />
        <source>e.g. 0475-8123456 or 13912345678</source>
        <translation>e.g. 0475-8123456 or 13912345678</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Division code, e.g. 150502</source>
        <translation>Division code, e.g. 150502</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court &amp;level:</source>
        <translation>Court &amp;level:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact &amp;person:</source>
        <translation>Contact &amp;person:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
</context>
<context>
    <name>AgencyTableModel</name>
    <message>
        <location line="-91" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court level</source>
        <translation>Court level</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Deactivated: no longer offered</source>
        <translation>Deactivated: no longer offered</translation>
    </message>
</context>
<context>
    <name>AgreementEditor</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/editor.py" line="+64" />
        <source>Mediation agreement</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location line="+6" />
        <source>In &amp;effect since</source>
        <translation>In &amp;effect since</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The agreement takes effect when every party has signed, sealed or fingerprinted it and the mediator has signed and the office has sealed it.</source>
        <translation>The agreement takes effect when every party has signed, sealed or fingerprinted it and the mediator has signed and the office has sealed it.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The agreement decides &amp;ownership or validity of an IP right</source>
        <translation>The agreement decides &amp;ownership or validity of an IP right</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Courts do not confirm an agreement that decides ownership or validity of an IP right (SPC interpretation of the Civil Procedure Law, Art. 355): tell the parties before they apply for judicial confirmation; they may sue over ownership instead.</source>
        <translation>Courts do not confirm an agreement that decides ownership or validity of an IP right (SPC interpretation of the Civil Procedure Law, Art. 355): tell the parties before they apply for judicial confirmation; they may sue over ownership instead.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>&amp;Add term</source>
        <translation>&amp;Add term</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Remove term</source>
        <translation>&amp;Remove term</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Signed on:</source>
        <translation>&amp;Signed on:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Facts and matters in dispute:</source>
        <translation>&amp;Facts and matters in dispute:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each party's &amp;responsibility:</source>
        <translation>Each party's &amp;responsibility:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreed terms:</source>
        <translation>Agreed terms:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Case {0}: record the agreement the parties reached</source>
        <translation>Case {0}: record the agreement the parties reached</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record agreement</source>
        <translation>Record agreement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {0}: edit the agreement</source>
        <translation>Case {0}: edit the agreement</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Case {0}: the agreement can no longer be changed here</source>
        <translation>Case {0}: the agreement can no longer be changed here</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Total: {0} yuan ({1})</source>
        <translation>Total: {0} yuan ({1})</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+140" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Check the deadlines every:</source>
        <translation>&amp;Check the deadlines every:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>ipdesk looks for cases whose deadlines come near at start-up and then at this interval, and shows new alerts. Default: {0} minutes.</source>
        <translation>ipdesk looks for cases whose deadlines come near at start-up and then at this interval, and shows new alerts. Default: {0} minutes.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/panel.py" line="+95" />
        <source>Show acknowledged</source>
        <translation>Show acknowledged</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record that you have seen the selected alerts</source>
        <translation>Record that you have seen the selected alerts</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Open case</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message numerus="yes">
        <location line="+81" />
        <location line="+5" />
        <source>%n unacknowledged alert(s)</source>
        <translation>
            <numerusform>%n unacknowledged alert(s)</numerusform>
            <numerusform>%n unacknowledged alert(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-3" />
        <source>(showing the %n most urgent)</source>
        <translation>
            <numerusform>(showing the %n most urgent)</numerusform>
            <numerusform>(showing the %n most urgent)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>The alerts could not be loaded: {0}</source>
        <translation>The alerts could not be loaded: {0}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The alerts could not be acknowledged: {0}</source>
        <translation>The alerts could not be acknowledged: {0}</translation>
    </message>
</context>
<context>
    <name>AlertsTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/model.py" line="+84" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time limit</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location line="+31" />
        <source>{0} (escalated)</source>
        <translation>{0} (escalated)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>(unassigned)</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <location line="-55" />
        <source>%n day(s) overdue</source>
        <translation>%n day(s) overdue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n day(s) left</source>
        <translation>%n day(s) left</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+166" />
        <source>Answer of {0}</source>
        <translation>Answer of {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Answered &amp;on:</source>
        <translation>Answered &amp;on:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Opinion:</source>
        <translation>&amp;Opinion:</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+25" />
        <source>&amp;Largest attachment:</source>
        <translation>&amp;Largest attachment:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Evidence files larger than this are refused when a case is registered. Default: {0} MB.</source>
        <translation>Evidence files larger than this are refused when a case is registered. Default: {0} MB.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>AuditCheckDialog</name>
    <message>
        <location filename="../../ipdesk/ui/maintenance/audit_check.py" line="+47" />
        <source>Verify audit trail</source>
        <translation>Verify audit trail</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Checking every record of the audit trail…</source>
        <translation>Checking every record of the audit trail…</translation>
    </message>
    <message numerus="yes">
        <location line="+41" />
        <source>The audit trail is intact: %n record(s) checked.</source>
        <translation>
            <numerusform>The audit trail is intact: %n record(s) checked.</numerusform>
            <numerusform>The audit trail is intact: %n record(s) checked.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>The audit trail is empty.</source>
        <translation>The audit trail is empty.</translation>
    </message>
    <message numerus="yes">
        <location line="+10" />
        <source>The audit trail is broken at record {0}. %n record(s) before it are intact.</source>
        <translation>
            <numerusform>The audit trail is broken at record {0}. %n record(s) before it are intact.</numerusform>
            <numerusform>The audit trail is broken at record {0}. %n record(s) before it are intact.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>The audit trail could not be checked: {0}</source>
        <translation>The audit trail could not be checked: {0}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Records are missing or out of order</source>
        <translation>Records are missing or out of order</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The link to the previous record does not match</source>
        <translation>The link to the previous record does not match</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The record was altered after it was written</source>
        <translation>The record was altered after it was written</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The record cannot be read</source>
        <translation>The record cannot be read</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+21" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Backup &amp;folder:</source>
        <translation>Backup &amp;folder:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Backups of the database are written to this folder. Choose a folder on another disk or a network share, so that a backup survives a broken disk.</source>
        <translation>Backups of the database are written to this folder. Choose a folder on another disk or a network share, so that a backup survives a broken disk.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose a backup folder.</source>
        <translation>Choose a backup folder.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter the backup folder's full path.</source>
        <translation>Enter the backup folder's full path.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“{0}” is a file, not a folder.</source>
        <translation>“{0}” is a file, not a folder.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/actions.py" line="-255" />
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Start mediation</source>
        <translation>Start mediation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record agreement</source>
        <translation>Record agreement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Edit agreement</source>
        <translation>Edit agreement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mediation failed</source>
        <translation>Mediation failed</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Apply for confirmation</source>
        <translation>Apply for confirmation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Court confirmation</source>
        <translation>Court confirmation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close case</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Assign mediator</source>
        <translation>Assign mediator</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Suspend</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Extend</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Correct case</source>
        <translation>Correct case</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add evidence</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mediation record</source>
        <translation>Mediation record</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <location filename="../../ipdesk/ui/cases/widget.py" line="+74" />
        <location line="+158" />
        <source>All offices</source>
        <translation>All offices</translation>
    </message>
    <message>
        <location line="-156" />
        <location line="+168" />
        <source>All stations</source>
        <translation>All stations</translation>
    </message>
    <message>
        <location line="-165" />
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Any IP type</source>
        <translation>Any IP type</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Any deadline</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location line="+3" />
        <source>from —</source>
        <translation>from —</translation>
    </message>
    <message>
        <location line="+1" />
        <source>to —</source>
        <translation>to —</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Search: number, party name, ID / credit code, right number, facts</source>
        <translation>Search: number, party name, ID / credit code, right number, facts</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Clear filter</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show all cases again</source>
        <translation>Show all cases again</translation>
    </message>
    <message>
        <location line="+312" />
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case(s)</numerusform>
            <numerusform>%n case(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/cases/model.py" line="+226" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IP type</source>
        <translation>IP type</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location line="-15" />
        <source> (suspended)</source>
        <translation> (suspended)</translation>
    </message>
    <message>
        <location line="+540" />
        <source>Suspended: the clock is stopped</source>
        <translation>Suspended: the clock is stopped</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day(s)</numerusform>
            <numerusform>Overdue by %n day(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>Due in %n day(s)</numerusform>
            <numerusform>Due in %n day(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/view.py" line="+135" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station:</source>
        <translation>Station:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediator:</source>
        <translation>Mediator:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IP right:</source>
        <translation>IP right:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispute type:</source>
        <translation>Dispute type:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Channel:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted:</source>
        <translation>Accepted:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount claimed:</source>
        <translation>Amount claimed:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Facts and reasons:</source>
        <translation>Facts and reasons:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Claim:</source>
        <translation>Claim:</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show personal data</source>
        <translation>Show personal data</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Shows ID numbers, phones and addresses in full; the access is logged</source>
        <translation>Shows ID numbers, phones and addresses in full; the access is logged</translation>
    </message>
    <message>
        <location line="+12" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+19" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-19" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Open file</source>
        <translation>&amp;Open file</translation>
    </message>
    <message>
        <location line="+13" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open &amp;document</source>
        <translation>Open &amp;document</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mediation records</source>
        <translation>Mediation records</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Adjudication</source>
        <translation>Adjudication</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Like cases</source>
        <translation>Like cases</translation>
    </message>
    <message>
        <location line="+70" />
        <source>Case {0} — {1}</source>
        <translation>Case {0} — {1}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>not assigned</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{0} yuan</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <location line="+76" />
        <source>Suspended since {0}: the handling clock is stopped.</source>
        <translation>Suspended since {0}: the handling clock is stopped.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Suspended: the 60-day clock is stopped.</source>
        <translation>Suspended: the 60-day clock is stopped.</translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Handling ended on {0}, %n day(s) after its due date {1}.</source>
        <translation>
            <numerusform>Handling ended on {0}, %n day(s) after its due date {1}.</numerusform>
            <numerusform>Handling ended on {0}, %n day(s) after its due date {1}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Handling ended on {0}, on time (due {1}).</source>
        <translation>Handling ended on {0}, on time (due {1}).</translation>
    </message>
    <message numerus="yes">
        <location line="+8" />
        <source>Decision on acceptance overdue since {0} (%n day(s)).</source>
        <translation>
            <numerusform>Decision on acceptance overdue since {0} (%n day(s)).</numerusform>
            <numerusform>Decision on acceptance overdue since {0} (%n day(s)).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8" />
        <source>Decision on acceptance due {0}: %n day(s) left.</source>
        <translation>
            <numerusform>Decision on acceptance due {0}: %n day(s) left.</numerusform>
            <numerusform>Decision on acceptance due {0}: %n day(s) left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Overdue since {0} (%n day(s)).</source>
        <translation>
            <numerusform>Overdue since {0} (%n day(s)).</numerusform>
            <numerusform>Overdue since {0} (%n day(s)).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Due {0}: %n day(s) left.</source>
        <translation>
            <numerusform>Due {0}: %n day(s) left.</numerusform>
            <numerusform>Due {0}: %n day(s) left.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Due {0}.</source>
        <translation>Due {0}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not accepted yet: the handling limit has not started.</source>
        <translation>Not accepted yet: the handling limit has not started.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Provisional: the holiday calendar does not cover the due year yet.</source>
        <translation>Provisional: the holiday calendar does not cover the due year yet.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediator assigned</source>
        <translation>Mediator assigned</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediation started</source>
        <translation>Mediation started</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreement reached</source>
        <translation>Agreement reached</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreement corrected</source>
        <translation>Agreement corrected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmation requested</source>
        <translation>Confirmation requested</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court accepted the application</source>
        <translation>Court accepted the application</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court's decision limit extended</source>
        <translation>Court's decision limit extended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmation denied</source>
        <translation>Confirmation denied</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediation failed</source>
        <translation>Mediation failed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resumed</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Extended</source>
        <translation>Extended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case corrected</source>
        <translation>Case corrected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evidence added</source>
        <translation>Evidence added</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediation session recorded</source>
        <translation>Mediation session recorded</translation>
    </message>
    <message>
        <location line="+86" />
        <source>No document can be issued by you for this case at its stage.</source>
        <translation>No document can be issued by you for this case at its stage.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{0} cannot be generated yet. Missing: {1}</source>
        <translation>{0} cannot be generated yet. Missing: {1}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CaseViewDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/__init__.py" line="+28" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case {0}</source>
        <translation>Case {0}</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/charts.py" line="+272" />
        <source>Save as PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Save chart</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
</context>
<context>
    <name>ClockDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/clock_dialog.py" line="+76" />
        <source>Suspend the handling limit</source>
        <extracomment>How long the input must rest before the preview is computed again (milliseconds).</extracomment>
        <translation>Suspend the handling limit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume the handling limit</source>
        <translation>Resume the handling limit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Extend the handling limit</source>
        <translation>Extend the handling limit</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Suspended: the clock is stopped</source>
        <translation>Suspended: the clock is stopped</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Case:</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due date now:</source>
        <translation>Due date now:</translation>
    </message>
    <message>
        <location line="+12" />
        <source> day(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Suspended from:</source>
        <translation>&amp;Suspended from:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Resumed on:</source>
        <translation>&amp;Resumed on:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Days to add:</source>
        <translation>&amp;Days to add:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>e.g. expert appraisal commissioned; invalidation request pending</source>
        <translation>e.g. expert appraisal commissioned; invalidation request pending</translation>
    </message>
    <message>
        <location line="+3" />
        <source>R&amp;eason (optional):</source>
        <translation>R&amp;eason (optional):</translation>
    </message>
    <message>
        <location line="+0" />
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{0} (you approve this change as its manager)</source>
        <translation>{0} (you approve this change as its manager)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Approved by:</source>
        <translation>Approved by:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New due date:</source>
        <translation>New due date:</translation>
    </message>
    <message>
        <location line="+14" />
        <location line="+13" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message numerus="yes">
        <location line="+19" />
        <source>None while suspended: the clock stops; %n day(s) of the limit remain.</source>
        <translation>
            <numerusform>None while suspended: the clock stops; %n day(s) of the limit remain.</numerusform>
            <numerusform>None while suspended: the clock stops; %n day(s) of the limit remain.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>suspended</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{0} (now: {1})</source>
        <translation>{0} (now: {1})</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n day(s) suspended</source>
        <translation>
            <numerusform>%n day(s) suspended</numerusform>
            <numerusform>%n day(s) suspended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n day(s) added by extensions</source>
        <translation>
            <numerusform>%n day(s) added by extensions</numerusform>
            <numerusform>%n day(s) added by extensions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>In all: {0}.</source>
        <translation>In all: {0}.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+3" />
        <source>The last day is a rest day: the limit ends on the next working day.</source>
        <translation>The last day is a rest day: the limit ends on the next working day.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Provisional: the holiday calendar does not cover the due year yet.</source>
        <translation>Provisional: the holiday calendar does not cover the due year yet.</translation>
    </message>
</context>
<context>
    <name>ConcludeDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+108" />
        <source>Conclude the consultation</source>
        <translation>Conclude the consultation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conclude</source>
        <translation>Conclude</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The agencies' opinions and the conclusion (kept if already recorded)</source>
        <translation>The agencies' opinions and the conclusion (kept if already recorded)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Minutes:</source>
        <translation>&amp;Minutes:</translation>
    </message>
</context>
<context>
    <name>ConfirmationDialog</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/confirmation_dialog.py" line="+78" />
        <source>Judicial confirmation</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <location line="+12" />
        <source>I have told the parties; they apply &amp;anyway</source>
        <translation>I have told the parties; they apply &amp;anyway</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No registered court has a ground of jurisdiction for this case. Ask the administrator to complete the courts' levels and regions.</source>
        <translation>No registered court has a ground of jurisdiction for this case. Ask the administrator to complete the courts' levels and regions.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Record &amp;application</source>
        <translation>Record &amp;application</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Court:</source>
        <translation>&amp;Court:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Applied &amp;on:</source>
        <translation>Applied &amp;on:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Record &amp;acceptance</source>
        <translation>Record &amp;acceptance</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Record 10-day e&amp;xtension</source>
        <translation>Record 10-day e&amp;xtension</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The court president approved 10 more days for the court's decision</source>
        <translation>The court president approved 10 more days for the court's decision</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Agreement confirmed valid</source>
        <translation>Agreement confirmed valid</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Application dismissed</source>
        <translation>Application dismissed</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Ruling number, e.g. (2026) 内0502民特12号</source>
        <translation>Ruling number, e.g. (2026) 内0502民特12号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record &amp;decision</source>
        <translation>Record &amp;decision</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Accepted on:</source>
        <translation>Accepted on:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Extension approved on:</source>
        <translation>Extension approved on:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decision:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ruling number:</source>
        <translation>Ruling number:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Decided on:</source>
        <translation>Decided on:</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The agreement decides ownership or validity of an IP right: courts do not confirm such agreements (SPC interpretation of the Civil Procedure Law, Art. 355). The parties may sue over ownership instead.</source>
        <translation>The agreement decides ownership or validity of an IP right: courts do not confirm such agreements (SPC interpretation of the Civil Procedure Law, Art. 355). The parties may sue over ownership instead.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This is an ownership dispute: if the agreement confirms ownership or validity of the right, the court will not confirm it (SPC interpretation of the Civil Procedure Law, Art. 355).</source>
        <translation>This is an ownership dispute: if the agreement confirms ownership or validity of the right, the court will not confirm it (SPC interpretation of the Civil Procedure Law, Art. 355).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the court referred the case to mediation</source>
        <translation>the court referred the case to mediation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the dispute belongs to the intermediate court</source>
        <translation>the dispute belongs to the intermediate court</translation>
    </message>
    <message>
        <location line="+2" />
        <source>where the mediating office is</source>
        <translation>where the mediating office is</translation>
    </message>
    <message>
        <location line="+2" />
        <source>where a party lives</source>
        <translation>where a party lives</translation>
    </message>
    <message>
        <location line="+7" />
        <source>agreement confirmed valid</source>
        <translation>agreement confirmed valid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>application dismissed</source>
        <translation>application dismissed</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Case {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The agreement has not taken effect yet.</source>
        <translation>The agreement has not taken effect yet.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The agreement took effect on {0}; the 30 days to apply ended on {1}. It can no longer be brought to a court for confirmation.</source>
        <translation>The agreement took effect on {0}; the 30 days to apply ended on {1}. It can no longer be brought to a court for confirmation.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The agreement took effect on {0}; apply by {1}.</source>
        <translation>The agreement took effect on {0}; apply by {1}.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>{0} (no ground of jurisdiction)</source>
        <translation>{0} (no ground of jurisdiction)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No application yet.</source>
        <translation>No application yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Applied to {0} on {1}.</source>
        <translation>Applied to {0} on {1}.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Accepted on {0}; the court decides by {1}{2}.</source>
        <translation>Accepted on {0}; the court decides by {1}{2}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source> (extended)</source>
        <translation> (extended)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Decided on {0}: {1} ({2}).</source>
        <translation>Decided on {0}: {1} ({2}).</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../../ipdesk/ui/settings/connection_form.py" line="+99" />
        <source>e.g. 192.168.1.20 or db.example.gov.cn</source>
        <translation>e.g. 192.168.1.20 or db.example.gov.cn</translation>
    </message>
    <message>
        <location line="+16" />
        <source>&amp;Remember the password in the system keyring</source>
        <translation>&amp;Remember the password in the system keyring</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No system keyring is available: ipdesk will ask for the password at each start.</source>
        <translation>No system keyring is available: ipdesk will ask for the password at each start.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Connecting to {0}…</source>
        <translation>Connecting to {0}…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Connected: {0}.</source>
        <translation>Connected: {0}.</translation>
    </message>
</context>
<context>
    <name>ConsultationRequestDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="-212" />
        <source>Request a consultation</source>
        <translation>Request a consultation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send request</source>
        <translation>Send request</translation>
    </message>
    <message>
        <location line="+25" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Subject:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Questions:</source>
        <translation>&amp;Questions:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Agencies:</source>
        <translation>&amp;Agencies:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sent &amp;on:</source>
        <translation>Sent &amp;on:</translation>
    </message>
    <message>
        <location line="+24" />
        <source>A suspected crime is referred to a procuratorate only.</source>
        <translation>A suspected crime is referred to a procuratorate only.</translation>
    </message>
</context>
<context>
    <name>ConsultationsTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/model.py" line="+69" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>ConsultationsView</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/view.py" line="+108" />
        <source>All agencies</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <location line="+3" />
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location line="+5" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location line="+5" />
        <source>All offices</source>
        <translation>All offices</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;New consultation…</source>
        <translation>&amp;New consultation…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Record &amp;answer…</source>
        <translation>Record &amp;answer…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Record &amp;meeting…</source>
        <translation>Record &amp;meeting…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Withdraw request…</source>
        <translation>&amp;Withdraw request…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Conclude…</source>
        <translation>&amp;Conclude…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message numerus="yes">
        <location line="+67" />
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request(s)</numerusform>
            <numerusform>%n request(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/correction_dialog.py" line="+58" />
        <source>Correct the case</source>
        <translation>Correct the case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save correction</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location line="+5" />
        <source>ID numbers, phones and addresses are shown masked. A masked field stays as it is unless you type the whole new value.</source>
        <translation>ID numbers, phones and addresses are shown masked. A masked field stays as it is unless you type the whole new value.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Why (optional), e.g. the party's call</source>
        <translation>Why (optional), e.g. the party's call</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location line="+3" />
        <source>IP type:</source>
        <translation>IP type:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Right number:</source>
        <translation>Right number:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Right holder:</source>
        <translation>Right holder:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispute type:</source>
        <translation>Dispute type:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Facts and reasons:</source>
        <translation>Facts and reasons:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Claim:</source>
        <translation>Claim:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount claimed (yuan):</source>
        <translation>Amount claimed (yuan):</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Reason for the correction:</source>
        <translation>Reason for the correction:</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Correct case {0}</source>
        <translation>Correct case {0}</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Nothing has been changed.</source>
        <translation>Nothing has been changed.</translation>
    </message>
</context>
<context>
    <name>CreateAdministratorDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/first_admin_dialog.py" line="+38" />
        <source>Create the administrator — ipdesk</source>
        <translation>Create the administrator — ipdesk</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This database has no administrator yet. Create the administrator's account: it manages users, the organisation and the other settings.</source>
        <translation>This database has no administrator yet. Create the administrator's account: it manages users, the organisation and the other settings.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>At least %n characters, not only digits.</source>
        <translation>
            <numerusform>At least %n characters, not only digits.</numerusform>
            <numerusform>At least %n characters, not only digits.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
</context>
<context>
    <name>DashboardTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/model.py" line="+92" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Office / station</source>
        <translation>Office / station</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cases received in the period</source>
        <translation>Cases received in the period</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cases accepted in the period</source>
        <translation>Cases accepted in the period</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cases open at the end of the period</source>
        <translation>Cases open at the end of the period</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open cases due within the next days</source>
        <translation>Open cases due within the next days</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open cases past their due date at the end of the period</source>
        <translation>Open cases past their due date at the end of the period</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cases closed in the period</source>
        <translation>Cases closed in the period</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed in time</source>
        <translation>Closed in time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In time</source>
        <translation>In time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Closed in time, of all closed</source>
        <translation>Closed in time, of all closed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Within the limit</source>
        <translation>Within the limit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Within 90 days</source>
        <translation>Within 90 days</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Median days</source>
        <translation>Median days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handling days from acceptance to closure, suspensions not counted</source>
        <translation>Handling days from acceptance to closure, suspensions not counted</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mean days</source>
        <translation>Mean days</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mediated</source>
        <translation>Mediated</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed cases whose mediation ended in agreement or failure</source>
        <translation>Closed cases whose mediation ended in agreement or failure</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sent for confirmation</source>
        <translation>Sent for confirmation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Consultation requests</source>
        <translation>Consultation requests</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Answered late</source>
        <translation>Answered late</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits due</source>
        <translation>Visits due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits done</source>
        <translation>Visits done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up rate</source>
        <translation>Follow-up rate</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Adjudications open</source>
        <translation>Adjudications open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adjudications accepted and not yet decided at the end of the period</source>
        <translation>Adjudications accepted and not yet decided at the end of the period</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Adjudications decided</source>
        <translation>Adjudications decided</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrative decisions made in the period</source>
        <translation>Administrative decisions made in the period</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Decided in time</source>
        <translation>Decided in time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decisions made within the handling limit, of those decided</source>
        <translation>Decisions made within the handling limit, of those decided</translation>
    </message>
    <message numerus="yes">
        <location line="+29" />
        <location line="+2" />
        <source>≤ %n day(s)</source>
        <translation>
            <numerusform>≤ %n day(s)</numerusform>
            <numerusform>≤ %n day(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38" />
        <source>Double-click to list the cases behind this number</source>
        <translation>Double-click to list the cases behind this number</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/widget.py" line="+101" />
        <source>All offices</source>
        <translation>All offices</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+114" />
        <source>All stations</source>
        <translation>All stations</translation>
    </message>
    <message>
        <location line="-113" />
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2" />
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Loading the figures…</source>
        <translation>Loading the figures…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Cancelling the export…</source>
        <translation>Cancelling the export…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>{0} to {1}, figures as of {2}. Double-click a number to list its cases.</source>
        <translation>{0} to {1}, figures as of {2}. Double-click a number to list its cases.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Total of the selection</source>
        <translation>Total of the selection</translation>
    </message>
    <message>
        <location line="+2" />
        <source>City total</source>
        <translation>City total</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The dashboard could not be loaded: {0}</source>
        <translation>The dashboard could not be loaded: {0}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Exporting to {0}…</source>
        <translation>Exporting to {0}…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Exported {0} cases to {1}.</source>
        <translation>Exported {0} cases to {1}.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The export was cancelled; no file was written.</source>
        <translation>The export was cancelled; no file was written.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The export failed: {0}</source>
        <translation>The export failed: {0}</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+13" />
        <source>In use now: {0}</source>
        <translation>In use now: {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="-218" />
        <source>&amp;Embedded database on this computer</source>
        <translation>&amp;Embedded database on this computer</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Shared PostgreSQL server</source>
        <translation>&amp;Shared PostgreSQL server</translation>
    </message>
    <message>
        <location line="+14" />
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+17" />
        <source>A new database connection takes effect when ipdesk starts again.</source>
        <translation>A new database connection takes effect when ipdesk starts again.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Enter the database file's full path.</source>
        <translation>Enter the database file's full path.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“{0}” is a folder: enter a file name.</source>
        <translation>“{0}” is a folder: enter a file name.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location line="+2" />
        <source>SQLite databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="-4" />
        <source>Where should ipdesk keep its data?</source>
        <translation>Where should ipdesk keep its data?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Welcome to ipdesk. A few steps prepare this computer for its first use.</source>
        <translation>Welcome to ipdesk. A few steps prepare this computer for its first use.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>For a single workstation. Nothing to set up: the data is kept in the file {0}.</source>
        <translation>For a single workstation. Nothing to set up: the data is kept in the file {0}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The network's ipdesk &amp;server</source>
        <translation>The network's ipdesk &amp;server</translation>
    </message>
    <message>
        <location line="+4" />
        <source>For the network: the offices and aid stations work through one ipdesk server. Your administrator gives you its address, the network's certificate file and your account.</source>
        <translation>For the network: the offices and aid stations work through one ipdesk server. Your administrator gives you its address, the network's certificate file and your account.</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/settings/password_dialog.py" line="+34" />
        <source>Database password — ipdesk</source>
        <translation>Database password — ipdesk</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The shared database {0} needs the password of the user “{1}”.</source>
        <translation>The shared database {0} needs the password of the user “{1}”.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Remember the password in the system keyring</source>
        <translation>&amp;Remember the password in the system keyring</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
</context>
<context>
    <name>DeadlineBoardModel</name>
    <message>
        <location filename="../../ipdesk/ui/deadlines/board.py" line="+95" />
        <source>Office</source>
        <extracomment>The drill-down bucket of each column. The case list's deadline state of each bucket (the board counts open cases only).</extracomment>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+15" />
        <source>All offices</source>
        <translation>All offices</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message numerus="yes">
        <location line="+16" />
        <source>Due within %n day(s), today included</source>
        <translation>
            <numerusform>Due within %n day(s), today included</numerusform>
            <numerusform>Due within %n day(s), today included</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31" />
        <source>Double-click to list these cases</source>
        <translation>Double-click to list these cases</translation>
    </message>
</context>
<context>
    <name>DeadlineBoardWidget</name>
    <message>
        <location line="+41" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source>due within %n day(s)</source>
        <translation>
            <numerusform>due within %n day(s)</numerusform>
            <numerusform>due within %n day(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open cases: {0}; {1}: {2}; overdue: {3}; suspended: {4}</source>
        <translation>Open cases: {0}; {1}: {2}; overdue: {3}; suspended: {4}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The deadline board could not be loaded: {0}</source>
        <translation>The deadline board could not be loaded: {0}</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/event_details.py" line="+24" />
        <source>IP type</source>
        <translation>IP type</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Right number</source>
        <translation>Right number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Right holder</source>
        <translation>Right holder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Facts and reasons</source>
        <translation>Facts and reasons</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount claimed</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <location line="+1" />
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ethnicity</source>
        <translation>ethnicity</translation>
    </message>
    <message>
        <location line="+1" />
        <source>legal representative</source>
        <translation>legal representative</translation>
    </message>
    <message>
        <location line="+1" />
        <source>representative's title</source>
        <translation>representative's title</translation>
    </message>
    <message>
        <location line="+26" />
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Session of {0} at {1}</source>
        <translation>Session of {0} at {1}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>suspended</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Suspended from {0}</source>
        <translation>Suspended from {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resumed on {0}</source>
        <translation>Resumed on {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Extended by {0} day(s)</source>
        <translation>Extended by {0} day(s)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>due date {0} → {1}</source>
        <translation>due date {0} → {1}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>approved by {0}</source>
        <translation>approved by {0}</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/evidence_dialog.py" line="+52" />
        <source>Add evidence to case {0}</source>
        <translation>Add evidence to case {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+2" />
        <source>Add evidence</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose &amp;files…</source>
        <translation>Choose &amp;files…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location line="+8" />
        <source>What the files show, e.g. photos of the goods on sale</source>
        <translation>What the files show, e.g. photos of the goods on sale</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Files:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Add evidence files</source>
        <translation>Add evidence files</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Choose at least one file.</source>
        <translation>Choose at least one file.</translation>
    </message>
</context>
<context>
    <name>FileCheckBanner</name>
    <message>
        <location filename="../../ipdesk/ui/maintenance/file_check.py" line="+56" />
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message numerus="yes">
        <location line="+30" />
        <source>%n evidence or document record(s) lack their file or do not match it. Nothing was deleted; tell the administrator.</source>
        <translation>
            <numerusform>%n evidence or document record(s) lack their file or do not match it. Nothing was deleted; tell the administrator.</numerusform>
            <numerusform>%n evidence or document record(s) lack their file or do not match it. Nothing was deleted; tell the administrator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10" />
        <source>%n file(s) in the evidence and document folders belong to no case (perhaps left by an interrupted save). Nothing was deleted.</source>
        <translation>
            <numerusform>%n file(s) in the evidence and document folders belong to no case (perhaps left by an interrupted save). Nothing was deleted.</numerusform>
            <numerusform>%n file(s) in the evidence and document folders belong to no case (perhaps left by an interrupted save). Nothing was deleted.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <source>The files could not be checked: {0}</source>
        <translation>The files could not be checked: {0}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>File check</source>
        <translation>File check</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Evidence folder: {0}</source>
        <translation>Evidence folder: {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents folder: {0}</source>
        <translation>Documents folder: {0}</translation>
    </message>
</context>
<context>
    <name>FollowUpPolicyDialog</name>
    <message>
        <location filename="../../ipdesk/ui/followups/policy_dialog.py" line="+45" />
        <location line="+80" />
        <source>Follow-up policy</source>
        <translation>Follow-up policy</translation>
    </message>
    <message>
        <location line="-79" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Serious cases</source>
        <translation>Serious cases</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ordinary cases</source>
        <translation>Ordinary cases</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minor cases</source>
        <translation>Minor cases</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits per year</source>
        <translation>Visits per year</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Share of cases visited</source>
        <translation>Share of cases visited</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First visit, days after closure</source>
        <translation>First visit, days after closure</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Changes apply to cases closed from now on; visits already planned keep their dates.</source>
        <translation>Changes apply to cases closed from now on; visits already planned keep their dates.</translation>
    </message>
</context>
<context>
    <name>FollowUpWorkList</name>
    <message>
        <location filename="../../ipdesk/ui/followups/worklist.py" line="+112" />
        <source>Due within 7 days</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due within 30 days</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All planned visits</source>
        <translation>All planned visits</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Record &amp;visit…</source>
        <translation>Record &amp;visit…</translation>
    </message>
    <message numerus="yes">
        <location line="+38" />
        <source>%n visit(s) to make</source>
        <translation>
            <numerusform>%n visit(s) to make</numerusform>
            <numerusform>%n visit(s) to make</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>, %n overdue</source>
        <translation>
            <numerusform>, %n overdue</numerusform>
            <numerusform>, %n overdue</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>The work list could not be loaded: {0}</source>
        <translation>The work list could not be loaded: {0}</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="-295" />
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A new language takes effect when ipdesk starts again.</source>
        <translation>A new language takes effect when ipdesk starts again.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>General</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>HolidayBanner</name>
    <message>
        <location filename="../../ipdesk/ui/holidays/banner.py" line="+43" />
        <source>Enter holidays…</source>
        <translation>Enter holidays…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The State Council's holiday notice for {0} has not been entered. Deadlines reaching into that year are computed with the statutory holidays by rule, without the adjusted working days, and marked provisional.</source>
        <translation>The State Council's holiday notice for {0} has not been entered. Deadlines reaching into that year are computed with the statutory holidays by rule, without the adjusted working days, and marked provisional.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Please ask the administrator to enter them.</source>
        <translation>Please ask the administrator to enter them.</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../ipdesk/ui/holidays/dialog.py" line="+81" />
        <source>Holiday calendar</source>
        <translation>Holiday calendar</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Name, e.g. Spring Festival</source>
        <translation>Name, e.g. Spring Festival</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark as &amp;rest day</source>
        <translation>Mark as &amp;rest day</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mark as &amp;working day</source>
        <translation>Mark as &amp;working day</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Clear entry</source>
        <translation>&amp;Clear entry</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The holidays of this year are &amp;complete</source>
        <translation>The holidays of this year are &amp;complete</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Import holidays</source>
        <translation>Import holidays</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>{0}: holidays from chinesecalendar.</source>
        <translation>{0}: holidays from chinesecalendar.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0}: holidays entered by the administrator (complete).</source>
        <translation>{0}: holidays entered by the administrator (complete).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{0}: the State Council's notice has not been entered. Deadlines in this year are computed with the statutory holidays by rule and weekends, without the adjusted working days, and marked provisional until the notice is entered and the year declared complete.</source>
        <translation>{0}: the State Council's notice has not been entered. Deadlines in this year are computed with the statutory holidays by rule and weekends, without the adjusted working days, and marked provisional until the notice is entered and the year declared complete.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>rest day</source>
        <translation>rest day</translation>
    </message>
    <message>
        <location line="+0" />
        <source>working day</source>
        <translation>working day</translation>
    </message>
    <message>
        <location line="+2" />
        <source>entered</source>
        <translation>entered</translation>
    </message>
    <message>
        <location line="+2" />
        <source>chinesecalendar</source>
        <translation>chinesecalendar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>statutory rule, provisional</source>
        <translation>statutory rule, provisional</translation>
    </message>
    <message>
        <location line="+2" />
        <source>weekend</source>
        <translation>weekend</translation>
    </message>
</context>
<context>
    <name>ImportLedgerDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_import/dialog.py" line="+56" />
        <source>Import case ledger</source>
        <translation>Import case ledger</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A .xlsx or .csv ledger, one case per row</source>
        <translation>A .xlsx or .csv ledger, one case per row</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Choose a case ledger</source>
        <translation>Choose a case ledger</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ledgers (*.xlsx *.csv)</source>
        <translation>Ledgers (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message numerus="yes">
        <location line="+44" />
        <source>%n row(s) read; {0} with problems. Correct the file and choose it again: nothing is imported while any row is invalid.</source>
        <translation>
            <numerusform>%n row(s) read; {0} with problems. Correct the file and choose it again: nothing is imported while any row is invalid.</numerusform>
            <numerusform>%n row(s) read; {0} with problems. Correct the file and choose it again: nothing is imported while any row is invalid.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <source>The file holds no cases.</source>
        <translation>The file holds no cases.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n row(s) read, all valid. Press Import to register them.</source>
        <translation>
            <numerusform>%n row(s) read, all valid. Press Import to register them.</numerusform>
            <numerusform>%n row(s) read, all valid. Press Import to register them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>%n case(s) imported.</source>
        <translation>
            <numerusform>%n case(s) imported.</numerusform>
            <numerusform>%n case(s) imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../ipdesk/ui/intake/dialog.py" line="+144" />
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Restore draft</source>
        <translation>&amp;Restore draft</translation>
    </message>
    <message>
        <location line="+3" />
        <source>D&amp;iscard draft</source>
        <translation>D&amp;iscard draft</translation>
    </message>
    <message>
        <location line="+20" />
        <source>+ Applicant</source>
        <translation>+ Applicant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>+ Respondent</source>
        <translation>+ Respondent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>+ Third party</source>
        <translation>+ Third party</translation>
    </message>
    <message>
        <location line="+1" />
        <source>+ Agent</source>
        <translation>+ Agent</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location line="+5" />
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Patent application number or trademark registration number</source>
        <translation>Patent application number or trademark registration number</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Yuan, e.g. 12000.00</source>
        <translation>Yuan, e.g. 12000.00</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+201" />
        <source>— court —</source>
        <translation>— court —</translation>
    </message>
    <message>
        <location line="-199" />
        <source>e.g. (2026) 内0502民诉前调123号</source>
        <translation>e.g. (2026) 内0502民诉前调123号</translation>
    </message>
    <message>
        <location line="+12" />
        <source>IP right</source>
        <translation>IP right</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Right &amp;number:</source>
        <translation>Right &amp;number:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Right &amp;holder:</source>
        <translation>Right &amp;holder:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Dispute type:</source>
        <translation>&amp;Dispute type:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Facts and reasons:</source>
        <translation>&amp;Facts and reasons:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Claim:</source>
        <translation>&amp;Claim:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Amount claimed:</source>
        <translation>&amp;Amount claimed:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referring c&amp;ourt:</source>
        <translation>Referring c&amp;ourt:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court case n&amp;umber:</source>
        <translation>Court case n&amp;umber:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receiving &amp;station:</source>
        <translation>Receiving &amp;station:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recei&amp;ved on:</source>
        <translation>Recei&amp;ved on:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove file</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Each file at most {0}.</source>
        <translation>Each file at most {0}.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+406" />
        <source>Save the case (Ctrl+Enter)</source>
        <translation>Save the case (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="-377" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+63" />
        <source>Add evidence files</source>
        <translation>Add evidence files</translation>
    </message>
    <message>
        <location line="+12" />
        <source>— station —</source>
        <translation>— station —</translation>
    </message>
    <message>
        <location line="+287" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Cannot save yet: %n problem(s) — first: {0}</source>
        <translation>
            <numerusform>Cannot save yet: %n problem(s) — first: {0}</numerusform>
            <numerusform>Cannot save yet: %n problem(s) — first: {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9" />
        <source>Save is disabled until these are corrected:</source>
        <translation>Save is disabled until these are corrected:</translation>
    </message>
    <message>
        <location line="+45" />
        <source>This may be a case that is already open:</source>
        <translation>This may be a case that is already open:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Press Save again to register it anyway.</source>
        <translation>Press Save again to register it anyway.</translation>
    </message>
    <message>
        <location line="+86" />
        <source>Could not save the draft: {0}</source>
        <translation>Could not save the draft: {0}</translation>
    </message>
    <message>
        <location line="+26" />
        <source>An unsaved case from {0} was found. Restore it?</source>
        <translation>An unsaved case from {0} was found. Restore it?</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Discard this case?</source>
        <translation>Discard this case?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The form holds input that has not been saved. Discard it?</source>
        <translation>The form holds input that has not been saved. Discard it?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ipdesk/ui/main_window.py" line="+185" />
        <source>IP Rights Protection Aid and Mediation — ipdesk</source>
        <translation>IP Rights Protection Aid and Mediation — ipdesk</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The case list will appear here.</source>
        <translation>The case list will appear here.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Signed in: {0}</source>
        <translation>Signed in: {0}</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Next alert</source>
        <translation>&amp;Next alert</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Users…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;About ipdesk</source>
        <translation>&amp;About ipdesk</translation>
    </message>
    <message>
        <location line="+33" />
        <source>“{0}” is not available yet.</source>
        <translation>“{0}” is not available yet.</translation>
    </message>
    <message>
        <location line="+228" />
        <source>Some changes take effect when ipdesk starts again.</source>
        <translation>Some changes take effect when ipdesk starts again.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Log folder</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The log files are in:
{0}</source>
        <translation>The log files are in:
{0}</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Loading the organisation…</source>
        <translation>Loading the organisation…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The organisation could not be loaded: {0}</source>
        <translation>The organisation could not be loaded: {0}</translation>
    </message>
    <message>
        <location line="+34" />
        <source>About ipdesk</source>
        <translation>About ipdesk</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;IP Rights Protection Aid and Mediation&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;IP Rights Protection Aid and Mediation&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MediationRecordsView</name>
    <message>
        <location filename="../../ipdesk/ui/mediation_records/view.py" line="+41" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attendees</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+71" />
        <source>Consultation meeting</source>
        <translation>Consultation meeting</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Place:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;articipants:</source>
        <translation>P&amp;articipants:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Minutes:</source>
        <translation>&amp;Minutes:</translation>
    </message>
</context>
<context>
    <name>ObligationDelegate</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/obligations.py" line="+302" />
        <source>(not named)</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>(no date)</source>
        <translation>(no date)</translation>
    </message>
</context>
<context>
    <name>ObligationsTableModel</name>
    <message>
        <location line="-215" />
        <source>Kind</source>
        <extracomment>The date editor's lowest date stands for "no performance date".</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Obligor</source>
        <translation>Obligor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Obligee</source>
        <translation>Obligee</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Perform by</source>
        <translation>Perform by</translation>
    </message>
</context>
<context>
    <name>OrgPage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="+302" />
        <source>Import the organisation (optional)</source>
        <translation>Import the organisation (optional)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use your own list of adjudication offices and aid stations.</source>
        <translation>Use your own list of adjudication offices and aid stations.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>ipdesk starts with the organisation shipped with it. To use your own list of adjudication offices and aid stations, choose the two CSV files and import them; otherwise press Finish. An administrator can import them later too (ipdesk-admin import-org).</source>
        <translation>ipdesk starts with the organisation shipped with it. To use your own list of adjudication offices and aid stations, choose the two CSV files and import them; otherwise press Finish. An administrator can import them later too (ipdesk-admin import-org).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>code,name[,region,address,phone]</source>
        <translation>code,name[,region,address,phone]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>code,name,office[,address,phone]</source>
        <translation>code,name,office[,address,phone]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Br&amp;owse…</source>
        <translation>Br&amp;owse…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+10" />
        <source>O&amp;ffices file:</source>
        <translation>O&amp;ffices file:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Stations file:</source>
        <translation>&amp;Stations file:</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Choose a CSV file</source>
        <translation>Choose a CSV file</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Choose both files: the offices and the stations.</source>
        <translation>Choose both files: the offices and the stations.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Only the administrator may import the organisation.</source>
        <translation>Only the administrator may import the organisation.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Imported. Offices: {0} added, {1} updated, {2} retired. Stations: {3} added, {4} updated, {5} retired.</source>
        <translation>Imported. Offices: {0} added, {1} updated, {2} retired. Stations: {3} added, {4} updated, {5} retired.</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../ipdesk/ui/org_tree.py" line="+30" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cases being handled (not yet closed)</source>
        <translation>Cases being handled (not yet closed)</translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source>Open cases: %n</source>
        <translation>
            <numerusform>Open cases: %n</numerusform>
            <numerusform>Open cases: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutcomeSpreadDialog</name>
    <message>
        <location filename="../../ipdesk/ui/similar_cases/spread.py" line="+46" />
        <source>Outcomes of like cases</source>
        <translation>Outcomes of like cases</translation>
    </message>
    <message>
        <location line="+9" />
        <source>All IP types</source>
        <translation>All IP types</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Finished between</source>
        <translation>Finished between</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+7" />
        <source>IP type</source>
        <translation>IP type</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>With an amount</source>
        <translation>With an amount</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lowest</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highest</source>
        <translation>Highest</translation>
    </message>
    <message numerus="yes">
        <location line="+31" />
        <source>%n finished case(s).</source>
        <translation>
            <numerusform>%n finished case(s).</numerusform>
            <numerusform>%n finished case(s).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Where like cases end differently in different offices, or their amounts lie far apart, look at the cases (each case's Like cases tab).</source>
        <translation>Where like cases end differently in different offices, or their amounts lie far apart, look at the cases (each case's Like cases tab).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <location filename="../../ipdesk/ui/intake/party.py" line="+67" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+100" />
        <source>ID number:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location line="-99" />
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ethnicity:</source>
        <translation>Ethnicity:</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+126" />
        <source>Legal representative:</source>
        <translation>Legal representative:</translation>
    </message>
    <message>
        <location line="-124" />
        <source>Representative's title:</source>
        <translation>Representative's title:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Represents:</source>
        <translation>Represents:</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Party {0}: {1}</source>
        <translation>Party {0}: {1}</translation>
    </message>
    <message>
        <location line="+70" />
        <source>Credit code:</source>
        <translation>Credit code:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>18-digit resident ID number</source>
        <translation>18-digit resident ID number</translation>
    </message>
    <message>
        <location line="+2" />
        <source>18-character unified social credit code</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Registered name</source>
        <translation>Registered name</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Operator:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Principal:</source>
        <translation>Principal:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The credit code does not tell for certain; please confirm.</source>
        <translation>The credit code does not tell for certain; please confirm.</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="-388" />
        <source>Preparing the database</source>
        <translation>Preparing the database</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ipdesk creates the database, or brings it up to date.</source>
        <translation>ipdesk creates the database, or brings it up to date.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Creating the tables and loading the reference data. This takes a moment…</source>
        <translation>Creating the tables and loading the reference data. This takes a moment…</translation>
    </message>
    <message>
        <location line="+28" />
        <source>The database is ready: {0} offices and {1} aid stations.</source>
        <translation>The database is ready: {0} offices and {1} aid stations.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Next, create the administrator's account.</source>
        <translation>Next, create the administrator's account.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>It already has an administrator: press Finish, then sign in with your account.</source>
        <translation>It already has an administrator: press Finish, then sign in with your account.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The database could not be prepared: {0}</source>
        <translation>The database could not be prepared: {0}</translation>
    </message>
</context>
<context>
    <name>RecordVisitDialog</name>
    <message>
        <location filename="../../ipdesk/ui/followups/record_dialog.py" line="+71" />
        <source>Record follow-up visit</source>
        <translation>Record follow-up visit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Case {0}, planned for {1}</source>
        <translation>Case {0}, planned for {1}</translation>
    </message>
    <message>
        <location line="+22" />
        <location line="+6" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message numerus="yes">
        <location line="-1" />
        <source>%n / 5</source>
        <translation>
            <numerusform>%n / 5</numerusform>
            <numerusform>%n / 5</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16" />
        <source>Date of the visit</source>
        <translation>Date of the visit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person visited</source>
        <translation>Person visited</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Performance of the agreement</source>
        <translation>Performance of the agreement</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next action</source>
        <translation>Next action</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Please choose</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Please answer every question marked in red</source>
        <translation>Please answer every question marked in red</translation>
    </message>
</context>
<context>
    <name>RemoteServerPage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/server_page.py" line="+110" />
        <source>Connect to the network's ipdesk server</source>
        <translation>Connect to the network's ipdesk server</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter the server's address and choose the certificate file (CA) of your network, both from your administrator. No database password is needed.</source>
        <translation>Enter the server's address and choose the certificate file (CA) of your network, both from your administrator. No database password is needed.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>ipdesk-ca.pem</source>
        <translation>ipdesk-ca.pem</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Check the connection</source>
        <translation>&amp;Check the connection</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;CA certificate file:</source>
        <translation>&amp;CA certificate file:</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Enter the server's address as https://name-or-address:port, for example https://ipdesk.example.gov.cn:8443.</source>
        <translation>Enter the server's address as https://name-or-address:port, for example https://ipdesk.example.gov.cn:8443.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The port in the address is not a number.</source>
        <translation>The port in the address is not a number.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the CA certificate file of your network.</source>
        <translation>Choose the CA certificate file of your network.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The file {0} does not exist.</source>
        <translation>The file {0} does not exist.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{0} is not a certificate file (PEM) that ipdesk can use.</source>
        <translation>{0} is not a certificate file (PEM) that ipdesk can use.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Asking the server…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>This address does not answer as an ipdesk server.</source>
        <translation>This address does not answer as an ipdesk server.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The server answers: press Finish, then sign in.</source>
        <translation>The server answers: press Finish, then sign in.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The server's certificate was not signed by this CA file: check that you chose your network's CA file and the right address.</source>
        <translation>The server's certificate was not signed by this CA file: check that you chose your network's CA file and the right address.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The server does not answer at this address. Check the address and that this computer can reach the server.</source>
        <translation>The server does not answer at this address. Check the address and that this computer can reach the server.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>The network's CA certificate</source>
        <translation>The network's CA certificate</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+279" />
        <source>Reset password — {0}</source>
        <translation>Reset password — {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Set password</source>
        <translation>Set password</translation>
    </message>
    <message>
        <location line="+4" />
        <source>New password for {0} ({1}):</source>
        <translation>New password for {0} ({1}):</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>R&amp;epeat password:</source>
        <translation>R&amp;epeat password:</translation>
    </message>
</context>
<context>
    <name>SessionRecordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/mediation_records/dialog.py" line="+38" />
        <source>Mediation record — case {0}</source>
        <translation>Mediation record — case {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mediation record</source>
        <translation>Mediation record</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save record</source>
        <translation>Save record</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Who attended, e.g. the applicant Wang Wei; the respondent's agent Li Na</source>
        <translation>Who attended, e.g. the applicant Wang Wei; the respondent's agent Li Na</translation>
    </message>
    <message>
        <location line="+5" />
        <source>What each side said, what was agreed or still disputed</source>
        <translation>What each side said, what was agreed or still disputed</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Place:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attendees:</source>
        <translation>Attendees:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Summary:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next step:</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A saved record cannot be changed; add a further record to correct it.</source>
        <translation>A saved record cannot be changed; add a further record to correct it.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+309" />
        <source>Settings — ipdesk</source>
        <translation>Settings — ipdesk</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="+357" />
        <source>First start — ipdesk</source>
        <translation>First start — ipdesk</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/sign_in_dialog.py" line="+46" />
        <source>Sign in — ipdesk</source>
        <translation>Sign in — ipdesk</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>SimilarCasesTab</name>
    <message>
        <location filename="../../ipdesk/ui/similar_cases/tab.py" line="+49" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+11" />
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount agreed</source>
        <translation>Amount agreed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handling days</source>
        <translation>Handling days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alike by</source>
        <translation>Alike by</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lowest</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Highest</source>
        <translation>Highest</translation>
    </message>
    <message>
        <location line="+29" />
        <source> (infringement found)</source>
        <translation> (infringement found)</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (infringement not found)</source>
        <translation> (infringement not found)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No finished case like this one was found.</source>
        <translation>No finished case like this one was found.</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n like case(s).</source>
        <translation>
            <numerusform>%n like case(s).</numerusform>
            <numerusform>%n like case(s).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Amounts agreed: {0} to {1}, median {2}.</source>
        <translation>Amounts agreed: {0} to {1}, median {2}.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>same right</source>
        <translation>same right</translation>
    </message>
    <message>
        <location line="+2" />
        <source>same respondent</source>
        <translation>same respondent</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n piece(s) of the facts</source>
        <translation>
            <numerusform>%n piece(s) of the facts</numerusform>
            <numerusform>%n piece(s) of the facts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+20" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location line="-12" />
        <source>Finished cases of this IP type in the last %n day(s), per office:</source>
        <translation>
            <numerusform>Finished cases of this IP type in the last %n day(s), per office:</numerusform>
            <numerusform>Finished cases of this IP type in the last %n day(s), per office:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ipdesk/ui/adjudication/dialogs.py" line="+113" />
        <source>Request received on:</source>
        <translation>Request received on:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Docketed on:</source>
        <translation>Docketed on:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You approve the acceptance as the office's manager.</source>
        <translation>You approve the acceptance as the office's manager.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+106" />
        <source>Decided on:</source>
        <translation>Decided on:</translation>
    </message>
    <message>
        <location line="-95" />
        <source>Officers (the first checked presides):</source>
        <translation>Officers (the first checked presides):</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Declared relations:</source>
        <translation>Declared relations:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>officer's name: the relation to a party (leave empty if none)</source>
        <translation>officer's name: the relation to a party (leave empty if none)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>An odd number of at least 3 officers. Each is checked against the parties and their agents (same name, declared relation); the check is recorded.</source>
        <translation>An odd number of at least 3 officers. Each is checked against the parties and their agents (same name, declared relation); the check is recorded.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Defence received on:</source>
        <translation>Defence received on:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Gist of the defence:</source>
        <translation>Gist of the defence:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No defence:</source>
        <translation>No defence:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>None came within the period</source>
        <translation>None came within the period</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+27" />
        <source>Held on:</source>
        <translation>Held on:</translation>
    </message>
    <message>
        <location line="-26" />
        <location line="+18" />
        <source>Place:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location line="-15" />
        <location line="+26" />
        <source>Participants:</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Evidence exchanged:</source>
        <translation>Evidence exchanged:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Parties notified on:</source>
        <translation>Parties notified on:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Hearing on:</source>
        <translation>Hearing on:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Notified:</source>
        <translation>Notified:</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Record:</source>
        <translation>Record:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>CNIPA case number:</source>
        <translation>CNIPA case number:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Suspended from:</source>
        <translation>Suspended from:</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+7" />
        <source>Note (optional):</source>
        <translation>Note (optional):</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Resumed on:</source>
        <translation>Resumed on:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Infringement found</source>
        <translation>Infringement found</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Infringement not found (request dismissed)</source>
        <translation>Infringement not found (request dismissed)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decision:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Order to stop:</source>
        <translation>Order to stop:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reasons:</source>
        <translation>Reasons:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Number (optional):</source>
        <translation>Number (optional):</translation>
    </message>
    <message>
        <location line="+3" />
        <source>You sign the decision off as the office's manager.</source>
        <translation>You sign the decision off as the office's manager.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Served (how, sent, received):</source>
        <translation>Served (how, sent, received):</translation>
    </message>
    <message>
        <location line="+4" />
        <source>After the decision:</source>
        <translation>After the decision:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Recorded on:</source>
        <translation>Recorded on:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Court case number:</source>
        <translation>Court case number:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The written reminder (催告书) to perform the decision. Enforcement can be applied for if the infringer has not performed 10 days after its service.</source>
        <translation>The written reminder (催告书) to perform the decision. Enforcement can be applied for if the infringer has not performed 10 days after its service.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reminder served on:</source>
        <translation>Reminder served on:</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Court:</source>
        <translation>Court:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Applied on:</source>
        <translation>Applied on:</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Served:</source>
        <translation>Served:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sent on:</source>
        <translation>Sent on:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received on:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt signed by:</source>
        <translation>Receipt signed by:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Served by:</source>
        <translation>Served by:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Consent:</source>
        <translation>Consent:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The recipient agreed to electronic service</source>
        <translation>The recipient agreed to electronic service</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../ipdesk/ui/templates/dialog.py" line="+114" />
        <source>Document templates</source>
        <translation>Document templates</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Templates in: {0}</source>
        <translation>Templates in: {0}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Check &amp;again</source>
        <translation>Check &amp;again</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fill the template with a sample case and open it in the word processor</source>
        <translation>Fill the template with a sample case and open it in the word processor</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Checking the templates…</source>
        <translation>Checking the templates…</translation>
    </message>
    <message numerus="yes">
        <location line="+20" />
        <source>%n template(s) have errors and cannot be used.</source>
        <translation>
            <numerusform>%n template(s) have errors and cannot be used.</numerusform>
            <numerusform>%n template(s) have errors and cannot be used.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>All templates can be used.</source>
        <translation>All templates can be used.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The templates could not be checked: {0}</source>
        <translation>The templates could not be checked: {0}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Not a case document template: not checked here.</source>
        <translation>Not a case document template: not checked here.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+2" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error(s)</numerusform>
            <numerusform>%n error(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning(s)</numerusform>
            <numerusform>%n warning(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>The template file is missing</source>
        <translation>The template file is missing</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not a readable Word document</source>
        <translation>Not a readable Word document</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Syntax error in a tag</source>
        <translation>Syntax error in a tag</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Unknown field</source>
        <translation>Unknown field</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tag split by Word</source>
        <translation>Tag split by Word</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Curly quotes in a tag</source>
        <translation>Curly quotes in a tag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full-width braces</source>
        <translation>Full-width braces</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Space between braces</source>
        <translation>Space between braces</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incomplete tag</source>
        <translation>Incomplete tag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text beside a paragraph tag</source>
        <translation>Text beside a paragraph tag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cannot be filled</source>
        <translation>Cannot be filled</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Preparing the preview of {0}…</source>
        <translation>Preparing the preview of {0}…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Preview written to {0}</source>
        <translation>Preview written to {0}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Preview written to {0}; no program to open it was found.</source>
        <translation>Preview written to {0}; no program to open it was found.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No preview: {0}</source>
        <translation>No preview: {0}</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message numerus="yes">
        <location filename="../../ipdesk/ui/scheduler.py" line="+233" />
        <source>%n new deadline alert(s)</source>
        <translation>
            <numerusform>%n new deadline alert(s)</numerusform>
            <numerusform>%n new deadline alert(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserAdminDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+72" />
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+16" />
        <source>&amp;New user…</source>
        <translation>&amp;New user…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Change &amp;role…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location line="-47" />
        <location line="+50" />
        <location line="+76" />
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location line="-136" />
        <source>Disable user</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Disable {0} ({1})? They can no longer sign in until an administrator enables the account again.</source>
        <translation>Disable {0} ({1})? They can no longer sign in until an administrator enables the account again.</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Reset &amp;password…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location line="+71" />
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location line="+14" />
        <source>User {0} was created.</source>
        <translation>User {0} was created.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{0} is now: {1}.</source>
        <translation>{0} is now: {1}.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The password of {0} was reset.</source>
        <translation>The password of {0} was reset.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>{0} can sign in again.</source>
        <translation>{0} can sign in again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} was disabled and can no longer sign in.</source>
        <translation>{0} was disabled and can no longer sign in.</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <location line="-352" />
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change role — {0}</source>
        <translation>Change role — {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Office / station:</source>
        <translation>&amp;Office / station:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>R&amp;epeat password:</source>
        <translation>R&amp;epeat password:</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Whole city</source>
        <translation>Whole city</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location line="-164" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office / station</source>
        <translation>Office / station</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Whole city</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Locked until {0}</source>
        <translation>Locked until {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+41" />
        <source>Withdraw — {0}</source>
        <translation>Withdraw — {0}</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>WorkListModel</name>
    <message>
        <location filename="../../ipdesk/ui/followups/worklist.py" line="-118" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ipdesk/ui/worklists/model.py" line="+98" />
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planned for</source>
        <translation>Planned for</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due by</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ipdesk/ui/worklists/model.py" line="-1" />
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Serious</source>
        <translation>Serious</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ordinary</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minor</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location line="+12" />
        <source>(unassigned)</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Overdue: the visit should have been made by {0}</source>
        <translation>Overdue: the visit should have been made by {0}</translation>
    </message>
    <message>
        <location filename="../../ipdesk/ui/worklists/model.py" line="-5" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message numerus="yes">
        <location line="+124" />
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>{0} (suspended)</source>
        <translation>{0} (suspended)</translation>
    </message>
</context>
<context>
    <name>WorkListPage</name>
    <message>
        <location filename="../../ipdesk/ui/worklists/page.py" line="+104" />
        <location line="+125" />
        <source>All offices</source>
        <translation>All offices</translation>
    </message>
    <message>
        <location line="-122" />
        <source>Open cases only</source>
        <translation>Open cases only</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Open case</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Assign mediator…</source>
        <translation>&amp;Assign mediator…</translation>
    </message>
    <message>
        <location line="+54" />
        <source>My cases</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cases to assign</source>
        <translation>Cases to assign</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My station's cases</source>
        <translation>My station's cases</translation>
    </message>
    <message numerus="yes">
        <location line="+31" />
        <source>%n open case(s) assigned to you</source>
        <translation>
            <numerusform>%n open case(s) assigned to you</numerusform>
            <numerusform>%n open case(s) assigned to you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n case(s) waiting for a mediator</source>
        <translation>
            <numerusform>%n case(s) waiting for a mediator</numerusform>
            <numerusform>%n case(s) waiting for a mediator</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>The work list could not be loaded: {0}</source>
        <translation>The work list could not be loaded: {0}</translation>
    </message>
</context>
<context>
    <name>agencies</name>
    <message>
        <location filename="../../ipdesk/ui/agencies/texts.py" line="+14" />
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Procuratorate</source>
        <translation>Procuratorate</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Justice bureau</source>
        <translation>Justice bureau</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Other agency</source>
        <translation>Other agency</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Basic-level court</source>
        <translation>Basic-level court</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Intermediate court</source>
        <translation>Intermediate court</translation>
    </message>
    <message>
        <location line="+2" />
        <source>High court</source>
        <translation>High court</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/model.py" line="-44" />
        <source>Handling the dispute</source>
        <translation>Handling the dispute</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Decision to accept</source>
        <translation>Decision to accept</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Statement of defence</source>
        <translation>Statement of defence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Application for judicial confirmation</source>
        <translation>Application for judicial confirmation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Court decision on confirmation</source>
        <translation>Court decision on confirmation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Answer to a consultation</source>
        <translation>Answer to a consultation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Follow-up visit</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Serving the request on the respondent</source>
        <translation>Serving the request on the respondent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Notice of the oral hearing</source>
        <translation>Notice of the oral hearing</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Window to sue after the decision</source>
        <translation>Window to sue after the decision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reminder before enforcement</source>
        <translation>Reminder before enforcement</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Due within %n day(s)</source>
        <translation>Due within %n day(s)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ipdesk/app.py" line="+717" />
        <source>Generating demo cases…</source>
        <translation>Generating demo cases…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+44" />
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location line="+371" />
        <source>Demo database with %n case(s)</source>
        <translation>Demo database with %n cases</translation>
    </message>
    <message>
        <location line="-376" />
        <source>The demo data could not be generated: {0}</source>
        <translation>The demo data could not be generated: {0}</translation>
    </message>
    <message>
        <location line="-223" />
        <source>Opening the database {0}…</source>
        <translation>Opening the database {0}…</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+97" />
        <source>The database could not be opened:
{0}

{1}</source>
        <translation>The database could not be opened:
{0}

{1}</translation>
    </message>
    <message>
        <location line="-90" />
        <location line="+88" />
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Try again once the problem is solved, or choose another database in the first-start wizard.</source>
        <translation>Try again once the problem is solved, or choose another database in the first-start wizard.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Choose the database…</source>
        <translation>&amp;Choose the database…</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <location filename="../../ipdesk/ui/auth/texts.py" line="+17" />
        <source>Station staff</source>
        <translation>Station staff</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Office manager</source>
        <translation>Office manager</translation>
    </message>
    <message>
        <location line="+2" />
        <source>City manager</source>
        <translation>City manager</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <location filename="../../ipdesk/ui/settings/connection_form.py" line="-173" />
        <location line="+41" />
        <source>The connection failed: {0}</source>
        <translation>The connection failed: {0}</translation>
    </message>
    <message>
        <location line="-36" />
        <source>Cannot reach the server {0} on port {1}: the server is not running, the port is wrong, or a firewall blocks the connection.</source>
        <translation>Cannot reach the server {0} on port {1}: the server is not running, the port is wrong, or a firewall blocks the connection.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The server “{0}” was not found. Check its name, or enter its IP address.</source>
        <translation>The server “{0}” was not found. Check its name, or enter its IP address.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The server {0} did not answer within {1} seconds. Check the address and the network.</source>
        <translation>The server {0} did not answer within {1} seconds. Check the address and the network.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The server refused the user name or the password. Check both.</source>
        <translation>The server refused the user name or the password. Check both.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The database “{0}” does not exist on the server. Ask the server's administrator to create it.</source>
        <translation>The database “{0}” does not exist on the server. Ask the server's administrator to create it.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The user “{0}” may not use this database.</source>
        <translation>The user “{0}” may not use this database.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enter the server's name or address.</source>
        <translation>Enter the server's name or address.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enter the name of the database.</source>
        <translation>Enter the name of the database.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enter the user name.</source>
        <translation>Enter the user name.</translation>
    </message>
</context>
<context>
    <name>consultations</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/model.py" line="-36" />
        <source>Joint consultation</source>
        <translation>Joint consultation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Crime referral</source>
        <translation>Crime referral</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/charts.py" line="-256" />
        <source>Invention patent</source>
        <extracomment>Slices of the pie, most frequent first (colour-blind safe, after Okabe and Ito).</extracomment>
        <translation>Invention patent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Utility model</source>
        <translation>Utility model</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Design patent</source>
        <translation>Design patent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Trademark</source>
        <translation>Trademark</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copyright</source>
        <translation>Copyright</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Geographical indication</source>
        <translation>Geographical indication</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Trade secret</source>
        <translation>Trade secret</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Technical secret</source>
        <translation>Technical secret</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Software copyright</source>
        <translation>Software copyright</translation>
    </message>
    <message>
        <location line="+2" />
        <source>IC layout design</source>
        <translation>IC layout design</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Plant variety</source>
        <translation>Plant variety</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Cases received and closed per month</source>
        <translation>Cases received and closed per month</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Handling days of the cases closed</source>
        <translation>Handling days of the cases closed</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Closed cases</source>
        <translation>Closed cases</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Handling days, in bins of %n day(s); suspensions not counted</source>
        <translation>Handling days, in bins of %n day(s); suspensions not counted</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Limit: %n day(s)</source>
        <translation>Limit: %n day(s)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Overdue cases by office</source>
        <translation>Overdue cases by office</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{0} {1}: %n overdue case(s)</source>
        <translation>{0} {1}: %n overdue case(s)</translation>
    </message>
    <message>
        <location line="+22" />
        <source>{0}: %n case(s)</source>
        <translation>{0}: %n case(s)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>IP types of the cases received</source>
        <translation>IP types of the cases received</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Other types</source>
        <translation>Other types</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <location filename="../../ipdesk/ui/desk.py" line="+296" />
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>features</name>
    <message>
        <location filename="../../ipdesk/ui/features.py" line="+178" />
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+88" />
        <source>&amp;Import ledger…</source>
        <translation>&amp;Import ledger…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Deadline board: {0}</source>
        <translation>Deadline board: {0}</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Follow-up visits</source>
        <translation>Follow-up visits</translation>
    </message>
    <message>
        <location line="-253" />
        <source>Follow-up &amp;policy…</source>
        <translation>Follow-up &amp;policy…</translation>
    </message>
    <message>
        <location line="+65" />
        <source>My work</source>
        <translation>My work</translation>
    </message>
    <message>
        <location line="+94" />
        <source>Case {0} registered</source>
        <translation>Case {0} registered</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Dashboard: {0}</source>
        <translation>Dashboard: {0}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Report of %n case(s) exported to {0}</source>
        <translation>Report of %n case(s) exported to {0}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Chart saved to {0}</source>
        <translation>Chart saved to {0}</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Case {0} assigned to {1}</source>
        <translation>Case {0} assigned to {1}</translation>
    </message>
    <message>
        <location line="+21" />
        <source>&amp;Holiday calendar…</source>
        <translation>&amp;Holiday calendar…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No alert is waiting to be acknowledged.</source>
        <translation>No alert is waiting to be acknowledged.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../ipdesk/ui/refusals.py" line="+1207" />
        <source>The date</source>
        <translation>The date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The visit date</source>
        <translation>The visit date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The return date</source>
        <translation>The return date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The application date</source>
        <translation>The application date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The date sent</source>
        <translation>The date sent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The meeting date</source>
        <translation>The meeting date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The answer date</source>
        <translation>The answer date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The suspension's start date</source>
        <translation>The suspension's start date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The resumption date</source>
        <translation>The resumption date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The court's acceptance date</source>
        <translation>The court's acceptance date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extension's approval date</source>
        <translation>The extension's approval date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The ruling date</source>
        <translation>The ruling date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The person visited</source>
        <translation>The person visited</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The agency code</source>
        <translation>The agency code</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The name</source>
        <translation>The name</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The contact person</source>
        <translation>The contact person</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The address</source>
        <translation>The address</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The region</source>
        <translation>The region</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The subject</source>
        <translation>The subject</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The questions</source>
        <translation>The questions</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The place</source>
        <translation>The place</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The participants</source>
        <translation>The participants</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The minutes</source>
        <translation>The minutes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The opinion</source>
        <translation>The opinion</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The facts</source>
        <translation>The facts</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The reason</source>
        <translation>The reason</translation>
    </message>
</context>
<context>
    <name>followups</name>
    <message>
        <location filename="../../ipdesk/ui/followups/record_dialog.py" line="-127" />
        <source>Visit in person</source>
        <translation>Visit in person</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Fully performed</source>
        <translation>Fully performed</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partly performed</source>
        <translation>Partly performed</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not performed</source>
        <translation>Not performed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No agreement to check</source>
        <translation>No agreement to check</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ipdesk/ui/intake/labels.py" line="+17" />
        <source>Invention patent</source>
        <translation>Invention patent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utility model patent</source>
        <translation>Utility model patent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Design patent</source>
        <translation>Design patent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trademark</source>
        <translation>Trademark</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copyright</source>
        <translation>Copyright</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Computer software copyright</source>
        <translation>Computer software copyright</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Geographical indication</source>
        <translation>Geographical indication</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trade secret</source>
        <translation>Trade secret</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Technical secret</source>
        <translation>Technical secret</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IC layout design</source>
        <translation>IC layout design</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plant variety</source>
        <translation>Plant variety</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+10" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Infringement</source>
        <translation>Infringement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ownership</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unfair competition</source>
        <translation>Unfair competition</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court referral</source>
        <translation>Court referral</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Third party</source>
        <translation>Third party</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediating</source>
        <translation>Mediating</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreement reached</source>
        <translation>Agreement reached</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmation requested</source>
        <translation>Confirmation requested</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmation denied</source>
        <translation>Confirmation denied</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mediation failed</source>
        <translation>Mediation failed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adjudicated</source>
        <translation>Adjudicated</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not accepted yet</source>
        <translation>Not accepted yet</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ipdesk/ui/messages.py" line="+32" />
        <source>The database is busy: another program is writing. Nothing changed; try again.</source>
        <extracomment>The colour of a message that says something went wrong (next to a field, in a bar).</extracomment>
        <translation>The database is busy: another program is writing. Nothing changed; try again.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Database error: {0}</source>
        <translation>Database error: {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unexpected error: {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../ipdesk/ui/network.py" line="+63" />
        <source>ipdesk server</source>
        <translation>ipdesk server</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The ipdesk server at {0} cannot be used:
{1}</source>
        <translation>The ipdesk server at {0} cannot be used:
{1}</translation>
    </message>
</context>
<context>
    <name>obligations</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/obligations.py" line="+155" />
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Destruction of stock</source>
        <translation>Destruction of stock</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Removal of listings</source>
        <translation>Removal of listings</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Apology</source>
        <translation>Apology</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refraining (standing undertaking)</source>
        <translation>Refraining (standing undertaking)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../ipdesk/ui/operations.py" line="+69" />
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+6" />
        <source>Partner &amp;agencies…</source>
        <translation>Partner &amp;agencies…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Outcomes of like cases…</source>
        <translation>&amp;Outcomes of like cases…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Document &amp;templates…</source>
        <translation>Document &amp;templates…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Verify audit trail…</source>
        <translation>&amp;Verify audit trail…</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Daily backup saved: {0}</source>
        <translation>Daily backup saved: {0}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The daily backup failed: {0}</source>
        <translation>The daily backup failed: {0}</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <location filename="../../ipdesk/ui/refusals.py" line="-1206" />
        <source>Term {item}: {text}</source>
        <translation>Term {item}: {text}</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The operation was refused.</source>
        <translation>The operation was refused.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The input is not valid.</source>
        <translation>The input is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Several entries are not valid.</source>
        <translation>Several entries are not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your role does not permit this operation.</source>
        <translation>Your role does not permit this operation.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The record was not found. It may have been deleted.</source>
        <translation>The record was not found. It may have been deleted.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This cannot be done in the case's current state.</source>
        <translation>This cannot be done in the case's current state.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Someone else saved this record in the meantime. Your changes have not been saved; reload the record and apply them again.</source>
        <translation>Someone else saved this record in the meantime. Your changes have not been saved; reload the record and apply them again.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The import failed; nothing was changed.</source>
        <translation>The import failed; nothing was changed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The server does not accept this request (is the program up to date?).</source>
        <translation>The server does not accept this request (is the program up to date?).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The request or its answer was damaged on the way.</source>
        <translation>The request or its answer was damaged on the way.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The server cannot be reached. Nothing was lost: your input is still here; try again when the connection is back.</source>
        <translation>The server cannot be reached. Nothing was lost: your input is still here; try again when the connection is back.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A page of the case list holds 1 to 1,000 rows.</source>
        <translation>A page of the case list holds 1 to 1,000 rows.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A search by a whole ID number is recorded first; search again.</source>
        <translation>A search by a whole ID number is recorded first; search again.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This is not available when working through a server.</source>
        <translation>This is not available when working through a server.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This kind of database is not supported (use SQLite or PostgreSQL).</source>
        <translation>This kind of database is not supported (use SQLite or PostgreSQL).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database is not ready for use.</source>
        <translation>The database is not ready for use.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The database was created by a newer version of ipdesk. Please upgrade this program before opening it.</source>
        <translation>The database was created by a newer version of ipdesk. Please upgrade this program before opening it.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database has not been initialised yet. Run “ipdesk-admin init” first.</source>
        <translation>The database has not been initialised yet. Run “ipdesk-admin init” first.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Audit records can only be added, never changed or deleted.</source>
        <translation>Audit records can only be added, never changed or deleted.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The export was cancelled; no file was written.</source>
        <translation>The export was cancelled; no file was written.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The document cannot be generated yet: some of the case's facts are missing.</source>
        <translation>The document cannot be generated yet: some of the case's facts are missing.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The document template has errors.</source>
        <translation>The document template has errors.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>LibreOffice is not installed, so no PDF can be made; install LibreOffice or save as PDF in Word.</source>
        <translation>LibreOffice is not installed, so no PDF can be made; install LibreOffice or save as PDF in Word.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>LibreOffice could not convert the document to PDF.</source>
        <translation>LibreOffice could not convert the document to PDF.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The document file could not be written or read.</source>
        <translation>The document file could not be written or read.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file could not be stored in or read from the database.</source>
        <translation>The file could not be stored in or read from the database.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file “{name}” is larger than the limit.</source>
        <translation>The file “{name}” is larger than the limit.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The content of “{name}” is not in the database (a file of an earlier version that was not imported yet); tell the administrator.</source>
        <translation>The content of “{name}” is not in the database (a file of an earlier version that was not imported yet); tell the administrator.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The content of “{name}” in the database is damaged (it does not match its recorded checksum); tell the administrator.</source>
        <translation>The content of “{name}” in the database is damaged (it does not match its recorded checksum); tell the administrator.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The file “{name}” changed while it was being saved; choose it again.</source>
        <translation>The file “{name}” changed while it was being saved; choose it again.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The backup or restore failed.</source>
        <translation>The backup or restore failed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This file is not an ipdesk backup.</source>
        <translation>This file is not an ipdesk backup.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup was made by a newer version of ipdesk.</source>
        <translation>The backup was made by a newer version of ipdesk.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup copy failed its integrity check.</source>
        <translation>The backup copy failed its integrity check.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file already exists: {path}</source>
        <translation>The file already exists: {path}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Database roles apply to PostgreSQL only.</source>
        <translation>Database roles apply to PostgreSQL only.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The database roles cannot be set up like this.</source>
        <translation>The database roles cannot be set up like this.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Too many wrong passwords: the account is locked. Try again in %n minute(s).</source>
        <translation>Too many wrong passwords: the account is locked. Try again in %n minute(s).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This account has been disabled. Please ask an administrator.</source>
        <translation>This account has been disabled. Please ask an administrator.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Your account, role or unit has changed. Please sign in again.</source>
        <translation>Your account, role or unit has changed. Please sign in again.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>An administrator already exists. Sign in with that account.</source>
        <translation>An administrator already exists. Sign in with that account.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The password must have at least %n characters.</source>
        <translation>The password must have at least %n characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The password is too long.</source>
        <translation>The password is too long.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The password must not consist of digits only.</source>
        <translation>The password must not consist of digits only.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The password contains characters that cannot be saved.</source>
        <translation>The password contains characters that cannot be saved.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No password was given.</source>
        <translation>No password was given.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name.</source>
        <translation>Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This user name is already taken.</source>
        <translation>This user name is already taken.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enter the person's name.</source>
        <translation>Enter the person's name.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The name is too long.</source>
        <translation>The name is too long.</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+2" />
        <source>The name contains control characters.</source>
        <translation>The name contains control characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Station staff need a station.</source>
        <translation>Station staff need a station.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mediators and office managers need an office.</source>
        <translation>Mediators and office managers need an office.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The chosen office or station does not fit the role.</source>
        <translation>The chosen office or station does not fit the role.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The station does not exist or is no longer active.</source>
        <translation>The station does not exist or is no longer active.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The office does not exist or is no longer active.</source>
        <translation>The office does not exist or is no longer active.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This is the last active administrator: it must stay.</source>
        <translation>This is the last active administrator: it must stay.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>You cannot disable your own account.</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This mediator still handles %n open case(s). Reassign them first.</source>
        <translation>This mediator still handles %n open case(s). Reassign them first.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The user (no. {user_id}) does not exist.</source>
        <translation>The user (no. {user_id}) does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The user “{username}” does not exist.</source>
        <translation>The user “{username}” does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your role ({role}) does not permit this operation.</source>
        <translation>Your role ({role}) does not permit this operation.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your role ({role}) does not permit this operation on case {case}.</source>
        <translation>Your role ({role}) does not permit this operation on case {case}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is outside your area.</source>
        <translation>Case {case} is outside your area.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>You may not see the parties' full personal data.</source>
        <translation>You may not see the parties' full personal data.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The case (no. {case_id}) does not exist.</source>
        <translation>The case (no. {case_id}) does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case} does not exist.</source>
        <translation>Case {case} does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The text contains control characters that cannot be saved (NUL or a lone surrogate).</source>
        <translation>The text contains control characters that cannot be saved (NUL or a lone surrogate).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case {case} is “{status}”: “{action}” is not possible in this state.</source>
        <translation>Case {case} is “{status}”: “{action}” is not possible in this state.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is suspended (its clock is stopped): resume it before “{action}”.</source>
        <translation>Case {case} is suspended (its clock is stopped): resume it before “{action}”.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is not suspended: “{action}” is not possible.</source>
        <translation>Case {case} is not suspended: “{action}” is not possible.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>You are not the mediator of case {case}; the office manager assigns mediators.</source>
        <translation>You are not the mediator of case {case}; the office manager assigns mediators.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} has been accepted: its mediator corrects it.</source>
        <translation>Case {case} has been accepted: its mediator corrects it.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please give the reason.</source>
        <translation>Please give the reason.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The text cannot be longer than %n characters.</source>
        <translation>The text cannot be longer than %n characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The text contains control characters.</source>
        <translation>The text contains control characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{what} cannot be later than today.</source>
        <translation>{what} cannot be later than today.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{what} cannot be earlier than {earliest}.</source>
        <translation>{what} cannot be earlier than {earliest}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{what} is not a valid date.</source>
        <translation>{what} is not a valid date.</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+869" />
        <source>{what} is required.</source>
        <translation>{what} is required.</translation>
    </message>
    <message>
        <location line="-866" />
        <location line="+556" />
        <source>The text is too long (at most %n characters).</source>
        <translation>The text is too long (at most %n characters).</translation>
    </message>
    <message>
        <location line="-554" />
        <source>“{court}” is not a registered court.</source>
        <translation>“{court}” is not a registered court.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please choose the court.</source>
        <translation>Please choose the court.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only an active mediator of this office can be assigned to case {case}.</source>
        <translation>Only an active mediator of this office can be assigned to case {case}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is already handled by {mediator}.</source>
        <translation>Case {case} is already handled by {mediator}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case} is already handled by {office_name}.</source>
        <translation>Case {case} is already handled by {office_name}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The station “{station}” does not belong to {office_name}.</source>
        <translation>The station “{station}” does not belong to {office_name}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The office code “{office}” does not exist.</source>
        <translation>The office code “{office}” does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The office is outside your area.</source>
        <translation>The office is outside your area.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The station is outside your area.</source>
        <translation>The station is outside your area.</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+4" />
        <source>Rows per page must be between 1 and {max}.</source>
        <translation>Rows per page must be between 1 and {max}.</translation>
    </message>
    <message>
        <location line="-2" />
        <source>The start position cannot be negative.</source>
        <translation>The start position cannot be negative.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Case {case} is already suspended; resume it first.</source>
        <translation>Case {case} is already suspended; resume it first.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The suspension cannot start before the acceptance date {accepted_on}.</source>
        <translation>The suspension cannot start before the acceptance date {accepted_on}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The suspension cannot start before the last resumption on {last_end}.</source>
        <translation>The suspension cannot start before the last resumption on {last_end}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The resumption date cannot be before the suspension's start {start_on}.</source>
        <translation>The resumption date cannot be before the suspension's start {start_on}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The time limit of case {case} ran out on {due}: it can no longer be suspended or extended.</source>
        <translation>The time limit of case {case} ran out on {due}: it can no longer be suspended or extended.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case {case} is not suspended.</source>
        <translation>Case {case} is not suspended.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extension must be a positive whole number of days.</source>
        <translation>The extension must be a positive whole number of days.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The time limit including extensions cannot exceed %n days.</source>
        <translation>The time limit including extensions cannot exceed %n days.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Case {case} is “{status}”: only accepted cases, cases in mediation and cases with an agreement can be suspended, resumed or extended.</source>
        <translation>Case {case} is “{status}”: only accepted cases, cases in mediation and cases with an agreement can be suspended, resumed or extended.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No time-limit rule is configured.</source>
        <translation>No time-limit rule is configured.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A time limit must be at least one day.</source>
        <translation>A time limit must be at least one day.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extension cannot be negative.</source>
        <translation>The extension cannot be negative.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The date is outside the range that can be computed.</source>
        <translation>The date is outside the range that can be computed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A suspension ends before it starts.</source>
        <translation>A suspension ends before it starts.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only office managers and city managers can see the deadline board.</source>
        <translation>Only office managers and city managers can see the deadline board.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Only office managers and city managers can see the statistics.</source>
        <translation>Only office managers and city managers can see the statistics.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unknown statistics unit: {level}</source>
        <translation>Unknown statistics unit: {level}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The statistics unit has no number.</source>
        <translation>The statistics unit has no number.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The period ends before it begins.</source>
        <translation>The period ends before it begins.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“Due soon” must be between 0 and 366 days.</source>
        <translation>“Due soon” must be between 0 and 366 days.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The chosen station does not belong to the chosen office.</source>
        <translation>The chosen station does not belong to the chosen office.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown figure: {figure}</source>
        <translation>Unknown figure: {figure}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Too many search words (at most %n).</source>
        <translation>Too many search words (at most %n).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{year}-{month} has not begun yet.</source>
        <translation>{year}-{month} has not begun yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown deadline state “{state}”.</source>
        <translation>Unknown deadline state “{state}”.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown sort order “{key}”.</source>
        <translation>Unknown sort order “{key}”.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown status “{value}”.</source>
        <translation>Unknown status “{value}”.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The IP type is not valid.</source>
        <translation>The IP type is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The office code does not exist.</source>
        <translation>The office code does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The station code does not exist or is no longer active.</source>
        <translation>The station code does not exist or is no longer active.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The agency (no. {agency_id}) does not exist.</source>
        <translation>The agency (no. {agency_id}) does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The agency (no. {agency_id}) is no longer active.</source>
        <translation>The agency (no. {agency_id}) is no longer active.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The agency (no. {agency_id}) does not exist or is no longer active.</source>
        <translation>The agency (no. {agency_id}) does not exist or is no longer active.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The agency code may contain only letters, digits, hyphens and underscores.</source>
        <translation>The agency code may contain only letters, digits, hyphens and underscores.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The agency code “{agency_code}” is already used by “{agency}”.</source>
        <translation>The agency code “{agency_code}” is already used by “{agency}”.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose one of the kinds offered.</source>
        <translation>Choose one of the kinds offered.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the court's level (basic, intermediate or high people's court).</source>
        <translation>Choose the court's level (basic, intermediate or high people's court).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The court's level must be basic, intermediate or high people's court.</source>
        <translation>The court's level must be basic, intermediate or high people's court.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Only people's courts have a court level.</source>
        <translation>Only people's courts have a court level.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Alert {alert} does not exist.</source>
        <translation>Alert {alert} does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The alerts of case {case} are not yours to handle.</source>
        <translation>The alerts of case {case} are not yours to handle.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This alert of case {case} was withdrawn (the time limit changed).</source>
        <translation>This alert of case {case} was withdrawn (the time limit changed).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The sample share must be greater than 0 and at most 1.</source>
        <translation>The sample share must be greater than 0 and at most 1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The sample share may have at most three decimal places.</source>
        <translation>The sample share may have at most three decimal places.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The sample share must be a number.</source>
        <translation>The sample share must be a number.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only an administrator can change the follow-up rules.</source>
        <translation>Only an administrator can change the follow-up rules.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Station staff do not make follow-up visits.</source>
        <translation>Station staff do not make follow-up visits.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown case category: {category}</source>
        <translation>Unknown case category: {category}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Visits per year must be a whole number from 0 to {max}.</source>
        <translation>Visits per year must be a whole number from 0 to {max}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first visit must be 0 to {max} days after closing.</source>
        <translation>The first visit must be 0 to {max} days after closing.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Follow-up visit {visit} does not exist.</source>
        <translation>Follow-up visit {visit} does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Follow-up visit {visit} does not exist or is not yours.</source>
        <translation>Follow-up visit {visit} does not exist or is not yours.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The follow-up visits of case {case} are not yours.</source>
        <translation>The follow-up visits of case {case} are not yours.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This follow-up visit of case {case} is no longer planned.</source>
        <translation>This follow-up visit of case {case} is no longer planned.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} has been reopened; its follow-up plan no longer applies.</source>
        <translation>Case {case} has been reopened; its follow-up plan no longer applies.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose fully performed, partly performed or not performed.</source>
        <translation>Choose fully performed, partly performed or not performed.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Satisfaction must be a whole number from 1 to 5.</source>
        <translation>Satisfaction must be a whole number from 1 to 5.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The visit must be in person, by phone or online.</source>
        <translation>The visit must be in person, by phone or online.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The visit date cannot be before the closing date {closed_on}.</source>
        <translation>The visit date cannot be before the closing date {closed_on}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is “{status}”: the office manager must reopen it first.</source>
        <translation>Case {case} is “{status}”: the office manager must reopen it first.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A crime referral has no consultation meeting: record the procuratorate's answer directly.</source>
        <translation>A crime referral has no consultation meeting: record the procuratorate's answer directly.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The request to {agency} is no longer open.</source>
        <translation>The request to {agency} is no longer open.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Some agencies have not answered: {agencies}. Record their opinions or withdraw the requests first.</source>
        <translation>Some agencies have not answered: {agencies}. Record their opinions or withdraw the requests first.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Please enter the minutes (each agency's opinion and the conclusion).</source>
        <translation>Please enter the minutes (each agency's opinion and the conclusion).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The consultation (no. {consultation_id}) does not exist.</source>
        <translation>The consultation (no. {consultation_id}) does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This consultation is closed or withdrawn.</source>
        <translation>This consultation is closed or withdrawn.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The consultation request (no. {request_id}) does not exist.</source>
        <translation>The consultation request (no. {request_id}) does not exist.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Please choose the receiving agencies.</source>
        <translation>Please choose the receiving agencies.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At most %n agencies per request.</source>
        <translation>At most %n agencies per request.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The kind must be a joint consultation or a crime referral.</source>
        <translation>The kind must be a joint consultation or a crime referral.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Crime referrals go only to procuratorates; these are not: {agencies}</source>
        <translation>Crime referrals go only to procuratorates; these are not: {agencies}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The amount must be a number, such as 12000 or 12000.50.</source>
        <translation>The amount must be a number, such as 12000 or 12000.50.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The amount can have at most two decimal places (fen).</source>
        <translation>The amount can have at most two decimal places (fen).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The amount is too large.</source>
        <translation>The amount is too large.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case} is “{status}”: the agreement can be changed only until the application for confirmation.</source>
        <translation>Case {case} is “{status}”: the agreement can be changed only until the application for confirmation.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The agreement of case {case} has not been recorded yet.</source>
        <translation>The agreement of case {case} has not been recorded yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Someone else changed the agreement of case {case}; your changes were not saved. Refresh and try again.</source>
        <translation>Someone else changed the agreement of case {case}; your changes were not saved. Refresh and try again.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case {case} was not referred by a court: there is nothing to return.</source>
        <translation>Case {case} was not referred by a court: there is nothing to return.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is “{status}”: it can be returned to the court only after the mediation has ended.</source>
        <translation>Case {case} is “{status}”: it can be returned to the court only after the mediation has ended.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case {case} was returned to the court on {returned_on}.</source>
        <translation>Case {case} was returned to the court on {returned_on}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A case referred by a court needs the court's case number.</source>
        <translation>A case referred by a court needs the court's case number.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The court's case number cannot be longer than 60 characters.</source>
        <translation>The court's case number cannot be longer than 60 characters.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The court case number must read (year), the court's code, the type, the serial number and 号, e.g. {example}.</source>
        <translation>The court case number must read (year), the court's code, the type, the serial number and 号, e.g. {example}.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Court case numbers abbreviate the province as {right}, not {wrong} (e.g. {example}).</source>
        <translation>Court case numbers abbreviate the province as {right}, not {wrong} (e.g. {example}).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The court code {found} in the case number is not that of {court_name} ({expected}).</source>
        <translation>The court code {found} in the case number is not that of {court_name} ({expected}).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The case number's type must be {expected}, not {found}.</source>
        <translation>The case number's type must be {expected}, not {found}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The court's case-number code is the province's abbreviation and the division digits, e.g. 内05 or 内0502.</source>
        <translation>The court's case-number code is the province's abbreviation and the division digits, e.g. 内05 or 内0502.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Only a court has a case-number code.</source>
        <translation>Only a court has a case-number code.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose pre-litigation or in-litigation court mediation (the case number does not tell).</source>
        <translation>Choose pre-litigation or in-litigation court mediation (the case number does not tell).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The referral must be pre-litigation or in-litigation mediation.</source>
        <translation>The referral must be pre-litigation or in-litigation mediation.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Please enter the date the agreement was signed.</source>
        <translation>Please enter the date the agreement was signed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The signing date cannot be later than today.</source>
        <translation>The signing date cannot be later than today.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The signing date cannot be before the acceptance date ({accepted_on}).</source>
        <translation>The signing date cannot be before the acceptance date ({accepted_on}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The effective date cannot be later than today.</source>
        <translation>The effective date cannot be later than today.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The effective date cannot be before the signing date ({signed}).</source>
        <translation>The effective date cannot be before the signing date ({signed}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The agreement needs at least one term (who performs what for whom, how much, by when).</source>
        <translation>The agreement needs at least one term (who performs what for whom, how much, by when).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>An agreement can have at most %n terms.</source>
        <translation>An agreement can have at most %n terms.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Term {item} does not belong to this agreement; refresh and try again.</source>
        <translation>Term {item} does not belong to this agreement; refresh and try again.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Term {item}: please describe what is to be performed.</source>
        <translation>Term {item}: please describe what is to be performed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Term {item}: the description cannot be longer than {max} characters.</source>
        <translation>Term {item}: the description cannot be longer than {max} characters.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Term {item}: choose what kind of term it is.</source>
        <translation>Term {item}: choose what kind of term it is.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Term {item} is unclear: a one-off obligation needs the date by which it is performed.</source>
        <translation>Term {item} is unclear: a one-off obligation needs the date by which it is performed.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Term {item} is unclear: enter the amount to be paid.</source>
        <translation>Term {item} is unclear: enter the amount to be paid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Term {item} is unclear: choose the party to whom it is paid, delivered or apologised.</source>
        <translation>Term {item} is unclear: choose the party to whom it is paid, delivered or apologised.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Term {item}: choose the party who owes it.</source>
        <translation>Term {item}: choose the party who owes it.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Term {item}: the party is not a party of this case (an agent cannot owe or receive).</source>
        <translation>Term {item}: the party is not a party of this case (an agent cannot owe or receive).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Term {item}: the obligor and the obligee cannot be the same party.</source>
        <translation>Term {item}: the obligor and the obligee cannot be the same party.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Term {item}: the due date cannot be before the signing date ({signed}).</source>
        <translation>Term {item}: the due date cannot be before the signing date ({signed}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The agreement of case {case} has no effective date yet: confirmation cannot be applied for.</source>
        <translation>The agreement of case {case} has no effective date yet: confirmation cannot be applied for.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The time for applying for confirmation ran out on {due} (the agreement took effect on {effective}; the parties have 30 days). The parties can sue on the agreement's performance or content.</source>
        <translation>The time for applying for confirmation ran out on {due} (the agreement took effect on {effective}; the parties have 30 days). The parties can sue on the agreement's performance or content.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Confirm that the parties have been told of the warnings before applying.</source>
        <translation>Confirm that the parties have been told of the warnings before applying.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{court_name} has no ground of jurisdiction over the confirmation for this case; apply to: {court_names}</source>
        <translation>{court_name} has no ground of jurisdiction over the confirmation for this case; apply to: {court_names}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No registered court has a ground of jurisdiction over case {case}; the administrator must complete the courts' levels and regions.</source>
        <translation>No registered court has a ground of jurisdiction over case {case}; the administrator must complete the courts' levels and regions.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The court's acceptance of case {case} on {accepted_on} is already recorded.</source>
        <translation>The court's acceptance of case {case} on {accepted_on} is already recorded.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The court's acceptance of case {case} is not recorded yet, so its limit cannot be extended.</source>
        <translation>The court's acceptance of case {case} is not recorded yet, so its limit cannot be extended.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The court's limit for case {case} was already extended; it can be extended only once (10 days).</source>
        <translation>The court's limit for case {case} was already extended; it can be extended only once (10 days).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case {case} has no application for confirmation awaiting the court's decision.</source>
        <translation>Case {case} has no application for confirmation awaiting the court's decision.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The application date cannot be before the agreement took effect ({effective}).</source>
        <translation>The application date cannot be before the agreement took effect ({effective}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Enter the ruling's case number, such as （2026）内0502民特12号.</source>
        <translation>Enter the ruling's case number, such as （2026）内0502民特12号.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The ruling number cannot be longer than 60 characters.</source>
        <translation>The ruling number cannot be longer than 60 characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The court's decision must be “confirmed valid” or “application dismissed”.</source>
        <translation>The court's decision must be “confirmed valid” or “application dismissed”.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Station staff cannot generate case documents; the office's mediator does.</source>
        <translation>Station staff cannot generate case documents; the office's mediator does.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is not assigned to you: only its mediator generates documents.</source>
        <translation>Case {case} is not assigned to you: only its mediator generates documents.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Documents carry the parties' full identity data, which you may not see.</source>
        <translation>Documents carry the parties' full identity data, which you may not see.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Document {document_id} does not exist.</source>
        <translation>Document {document_id} does not exist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The document file does not exist: {path}</source>
        <translation>The document file does not exist: {path}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The document file has been changed and no longer matches its recorded checksum: {path}</source>
        <translation>The document file has been changed and no longer matches its recorded checksum: {path}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The output file must end in .docx or .pdf: {path}</source>
        <translation>The output file must end in .docx or .pdf: {path}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Could not write {path}.</source>
        <translation>Could not write {path}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Someone else has just generated this document; try again.</source>
        <translation>Someone else has just generated this document; try again.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The date received is required.</source>
        <translation>The date received is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The date received is not a date (e.g. 2026-11-27).</source>
        <translation>The date received is not a date (e.g. 2026-11-27).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The date received cannot be later than today.</source>
        <translation>The date received cannot be later than today.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The date received cannot be before 1 January 2000.</source>
        <translation>The date received cannot be before 1 January 2000.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please choose the receiving station.</source>
        <translation>Please choose the receiving station.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>You can register only cases received by stations in your own area.</source>
        <translation>You can register only cases received by stations in your own area.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Please choose the IP type.</source>
        <translation>Please choose the IP type.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The trademark registration number is required.</source>
        <translation>The trademark registration number is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The right number is too long or contains invalid characters.</source>
        <translation>The right number is too long or contains invalid characters.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The dispute type is not valid.</source>
        <translation>The dispute type is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The channel is not valid.</source>
        <translation>The channel is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The case category is not valid.</source>
        <translation>The case category is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The facts and reasons are required.</source>
        <translation>The facts and reasons are required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The claims are required.</source>
        <translation>The claims are required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The court code does not exist.</source>
        <translation>The court code does not exist.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The text contains invisible control characters.</source>
        <translation>The text contains invisible control characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At least one applicant is required.</source>
        <translation>At least one applicant is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At least one respondent is required.</source>
        <translation>At least one respondent is required.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Too many parties (at most %n).</source>
        <translation>Too many parties (at most %n).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The party's role must be applicant, respondent, third party or agent.</source>
        <translation>The party's role must be applicant, respondent, third party or agent.</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+75" />
        <source>The party must be a person or an organisation.</source>
        <translation>The party must be a person or an organisation.</translation>
    </message>
    <message>
        <location line="-73" />
        <source>The name is required.</source>
        <translation>The name is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Same ID number as party {other}.</source>
        <translation>Same ID number as party {other}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The party this agent represents is not valid.</source>
        <translation>The party this agent represents is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only an agent can represent another party.</source>
        <translation>Only an agent can represent another party.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The attachment “{name}” cannot be found.</source>
        <translation>The attachment “{name}” cannot be found.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The attachment “{name}” is {size}, more than the limit of {limit}.</source>
        <translation>The attachment “{name}” is {size}, more than the limit of {limit}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The attachment “{name}” has the same content as attachment {other}.</source>
        <translation>The attachment “{name}” has the same content as attachment {other}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The attachment “{name}” cannot be read.</source>
        <translation>The attachment “{name}” cannot be read.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The ID number is required.</source>
        <translation>The ID number is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A resident ID number has 18 characters.</source>
        <translation>A resident ID number has 18 characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first 17 characters of an ID number are digits; the last is a digit or X.</source>
        <translation>The first 17 characters of an ID number are digits; the last is a digit or X.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The ID number's check digit is wrong.</source>
        <translation>The ID number's check digit is wrong.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The birth date in the ID number is not valid.</source>
        <translation>The birth date in the ID number is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first 6 digits of the ID number are not a known area code; please check.</source>
        <translation>The first 6 digits of the ID number are not a known area code; please check.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The unified social credit code is required.</source>
        <translation>The unified social credit code is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A unified social credit code has 18 characters.</source>
        <translation>A unified social credit code has 18 characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The unified social credit code contains invalid characters (I, O, Z, S and V are not used).</source>
        <translation>The unified social credit code contains invalid characters (I, O, Z, S and V are not used).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Characters 3 to 8 of the unified social credit code must be digits (the area code).</source>
        <translation>Characters 3 to 8 of the unified social credit code must be digits (the area code).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The first two characters of the unified social credit code are not a registration authority and category of the national standard.</source>
        <translation>The first two characters of the unified social credit code are not a registration authority and category of the national standard.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The unified social credit code's check character is wrong.</source>
        <translation>The unified social credit code's check character is wrong.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The organisation code inside the unified social credit code has a wrong check character; please check.</source>
        <translation>The organisation code inside the unified social credit code has a wrong check character; please check.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The patent application number is required.</source>
        <translation>The patent application number is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The patent application number is not in the right form (e.g. 200310102344.5).</source>
        <translation>The patent application number is not in the right form (e.g. 200310102344.5).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The patent type digit of the application number is not valid (1, 2, 3, 8 or 9).</source>
        <translation>The patent type digit of the application number is not valid (1, 2, 3, 8 or 9).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The year in the patent application number is not valid.</source>
        <translation>The year in the patent application number is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The patent application number's check digit is wrong.</source>
        <translation>The patent application number's check digit is wrong.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The application number's patent type does not match the chosen patent type.</source>
        <translation>The application number's patent type does not match the chosen patent type.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A trademark registration number has at most 8 digits.</source>
        <translation>A trademark registration number has at most 8 digits.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The phone number is required.</source>
        <translation>The phone number is required.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The phone number is not valid (mobiles have 11 digits, landlines need the area code).</source>
        <translation>The phone number is not valid (mobiles have 11 digits, landlines need the area code).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Please enter the date of the mediation session.</source>
        <translation>Please enter the date of the mediation session.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The session date is not a date (e.g. 2026-11-27).</source>
        <translation>The session date is not a date (e.g. 2026-11-27).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The session date cannot be later than today.</source>
        <translation>The session date cannot be later than today.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The session date cannot be before the date the application was received ({earliest}).</source>
        <translation>The session date cannot be before the date the application was received ({earliest}).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Please enter the place.</source>
        <translation>Please enter the place.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please enter who attended.</source>
        <translation>Please enter who attended.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please enter what was said and agreed.</source>
        <translation>Please enter what was said and agreed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The year must be between {first} and {last}.</source>
        <translation>The year must be between {first} and {last}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The audit trail could not be written or checked.</source>
        <translation>The audit trail could not be written or checked.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Nothing has been changed.</source>
        <translation>Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The party (no. {party_id}) does not belong to this case.</source>
        <translation>The party (no. {party_id}) does not belong to this case.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“{name}” is not a kind of evidence file that may be opened; for safety it is not opened.</source>
        <translation>“{name}” is not a kind of evidence file that may be opened; for safety it is not opened.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The text contains zero-width or text-direction characters.</source>
        <translation>The text contains zero-width or text-direction characters.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The attachment “{name}” has the same content as the case's evidence “{other}”.</source>
        <translation>The attachment “{name}” has the same content as the case's evidence “{other}”.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The attachment “{name}” is not an allowed kind of evidence file (allowed: {allowed}).</source>
        <translation>The attachment “{name}” is not an allowed kind of evidence file (allowed: {allowed}).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The attachment's file name is too long ({length} characters, at most {limit}).</source>
        <translation>The attachment's file name is too long ({length} characters, at most {limit}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Please choose the evidence files to add.</source>
        <translation>Please choose the evidence files to add.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup's signature is wrong: the file has been changed since it was made.</source>
        <translation>The backup's signature is wrong: the file has been changed since it was made.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The backup is not signed, so it cannot be trusted.</source>
        <translation>The backup is not signed, so it cannot be trusted.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup was signed with a key this computer does not have.</source>
        <translation>The backup was signed with a key this computer does not have.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The backup signing key is missing or not valid.</source>
        <translation>The backup signing key is missing or not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The target database is not empty; nothing was changed.</source>
        <translation>The target database is not empty; nothing was changed.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Case {case} has not entered administrative adjudication.</source>
        <translation>Case {case} has not entered administrative adjudication.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The adjudication of case {case} is not at a step where this can be done.</source>
        <translation>The adjudication of case {case} is not at a step where this can be done.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>You are not an officer of the panel of case {case}.</source>
        <translation>You are not an officer of the panel of case {case}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case} is not a patent-infringement dispute: only those can be adjudicated.</source>
        <translation>Case {case} is not a patent-infringement dispute: only those can be adjudicated.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case {case} is being adjudicated: mediation can start only after the decision.</source>
        <translation>Case {case} is being adjudicated: mediation can start only after the decision.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Adjudication of case {case} has already been requested.</source>
        <translation>Adjudication of case {case} has already been requested.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The recipient is not a party to this case.</source>
        <translation>The recipient is not a party to this case.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please choose how the document was served.</source>
        <translation>Please choose how the document was served.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Electronic service needs the recipient's consent.</source>
        <translation>Electronic service needs the recipient's consent.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An officer is on the panel twice.</source>
        <translation>An officer is on the panel twice.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The panel needs an odd number of at least {minimum} officers (now {count}).</source>
        <translation>The panel needs an odd number of at least {minimum} officers (now {count}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{officer} cannot sit on the panel: only active mediators and managers of the case's office can.</source>
        <translation>{officer} cannot sit on the panel: only active mediators and managers of the case's office can.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{officer} must withdraw from the panel (recusal: {party}).</source>
        <translation>{officer} must withdraw from the panel (recusal: {party}).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The defence period runs until {due}: only after it can you record that no defence came.</source>
        <translation>The defence period runs until {due}: only after it can you record that no defence came.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The oral hearing cannot be held before {earliest}: the parties must learn of it at least 3 working days before.</source>
        <translation>The oral hearing cannot be held before {earliest}: the parties must learn of it at least 3 working days before.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Please enter CNIPA's case number of the invalidation request.</source>
        <translation>Please enter CNIPA's case number of the invalidation request.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The decision has not been served on: {parties}.</source>
        <translation>The decision has not been served on: {parties}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What happened in the window to sue has already been recorded.</source>
        <translation>What happened in the window to sue has already been recorded.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Please choose what happened after the decision.</source>
        <translation>Please choose what happened after the decision.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The window to sue runs until {due}; this can only be done after it.</source>
        <translation>The window to sue runs until {due}; this can only be done after it.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The decision found no infringement: there is nothing to enforce.</source>
        <translation>The decision found no infringement: there is nothing to enforce.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A party sued or the infringer stopped: enforcement cannot be applied for.</source>
        <translation>A party sued or the infringer stopped: enforcement cannot be applied for.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Enforcement must be applied for within three months after the window (by {last}).</source>
        <translation>Enforcement must be applied for within three months after the window (by {last}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The reminder before enforcement was already served (on {on}).</source>
        <translation>The reminder before enforcement was already served (on {on}).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Serve the written reminder (催告书) on the infringer first: enforcement can be applied for only if they have not performed 10 days after its service.</source>
        <translation>Serve the written reminder (催告书) on the infringer first: enforcement can be applied for only if they have not performed 10 days after its service.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The reminder was served on {reminded_on}: enforcement can be applied for only after {after}, if the infringer has still not performed.</source>
        <translation>The reminder was served on {reminded_on}: enforcement can be applied for only after {after}, if the infringer has still not performed.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Other users are working in the target database; the restore gave up and changed nothing. Try again when they have finished.</source>
        <translation>Other users are working in the target database; the restore gave up and changed nothing. Try again when they have finished.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>{what} is too long (at most {limit} characters).</source>
        <translation>{what} is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{what} contains control characters.</source>
        <translation>{what} contains control characters.</translation>
    </message>
    <message>
        <location line="+100" />
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/panel.py" line="-71" />
        <source>{0} (escalated)</source>
        <translation>{0} (escalated)</translation>
    </message>
</context>
</TS>
