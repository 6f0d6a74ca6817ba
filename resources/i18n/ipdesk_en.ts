<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ipdesk/ui/main_window.py" line="+63" />
        <source>IP Rights Protection Aid and Mediation — ipdesk</source>
        <translation>IP Rights Protection Aid and Mediation — ipdesk</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The case list will appear here.</source>
        <translation>The case list will appear here.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About ipdesk</source>
        <translation>&amp;About ipdesk</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Loading the organisation…</source>
        <translation>Loading the organisation…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The organisation could not be loaded: {0}</source>
        <translation>The organisation could not be loaded: {0}</translation>
    </message>
    <message>
        <location line="+24" />
        <source>About ipdesk</source>
        <translation>About ipdesk</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;IP Rights Protection Aid and Mediation&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;IP Rights Protection Aid and Mediation&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../ipdesk/ui/org_tree.py" line="+26" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message numerus="yes">
        <location line="+22" />
        <source>Open cases: %n</source>
        <translation>
            <numerusform>Open cases: %n</numerusform>
            <numerusform>Open cases: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ipdesk/app.py" line="+165" />
        <source>The demo data generator is not available</source>
        <translation>The demo data generator is not available</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Generating demo cases…</source>
        <translation>Generating demo cases…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+30" />
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message numerus="yes">
        <location line="-13" />
        <source>Demo database with %n case(s)</source>
        <translation>
            <numerusform>Demo database with %n case</numerusform>
            <numerusform>Demo database with %n cases</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <source>The demo data could not be generated: {0}</source>
        <translation>The demo data could not be generated: {0}</translation>
    </message>
    <message>
        <location line="+87" />
        <source>The database could not be opened:
{0}

{1}</source>
        <translation>The database could not be opened:
{0}

{1}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ipdesk/ui/messages.py" line="+23" />
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
        <source>Someone else saved this record in the meantime. Your changes have not been saved; reload the record and apply them again.</source>
        <translation>Someone else saved this record in the meantime. Your changes have not been saved; reload the record and apply them again.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The import failed; nothing was changed.</source>
        <translation>The import failed; nothing was changed.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Database error: {0}</source>
        <translation>Database error: {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unexpected error: {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
</context>
</TS>
