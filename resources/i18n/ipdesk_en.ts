<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CreateAdministratorDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/first_admin_dialog.py" line="+40" />
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
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+377" />
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
    <name>SignInDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/sign_in_dialog.py" line="+48" />
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
        <translation type="unfinished">Database: {0}</translation>
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
    <name>UserAdminDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+53" />
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
        <location line="+3" />
        <location line="+81" />
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location line="-78" />
        <source>Reset &amp;password…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location line="+76" />
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
        <location line="+20" />
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
        <location line="-362" />
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
        <location line="+50" />
        <source>Whole city</source>
        <translation>Whole city</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location line="-224" />
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
        <location line="+27" />
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
    <name>app</name>
    <message>
        <location filename="../../ipdesk/app.py" line="+151" />
        <source>Generating demo cases…</source>
        <translation>Generating demo cases…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+30" />
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Demo database with %n case(s)</source>
        <translation type="unfinished">Demo database with %n case</translation>
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
    <name>auth</name>
    <message>
        <location filename="../../ipdesk/ui/auth/texts.py" line="+18" />
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
    <message>
        <location line="+10" />
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Too many wrong passwords: the account is locked. Try again in %n minute(s).</source>
        <translation>Too many wrong passwords: the account is locked. Try again in %n minute(s).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This account has been disabled. Please ask an administrator.</source>
        <translation>This account has been disabled. Please ask an administrator.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An administrator already exists. Sign in with that account.</source>
        <translation>An administrator already exists. Sign in with that account.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The password must have at least %n characters.</source>
        <translation>The password must have at least %n characters.</translation>
    </message>
    <message>
        <location line="+7" />
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
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name.</source>
        <translation>Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name.</translation>
    </message>
    <message>
        <location line="+4" />
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
        <source>The office or station does not exist or is no longer active.</source>
        <translation>The office or station does not exist or is no longer active.</translation>
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
        <location line="+2" />
        <source>This mediator still handles %n open case(s). Reassign them first.</source>
        <translation>This mediator still handles %n open case(s). Reassign them first.</translation>
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
