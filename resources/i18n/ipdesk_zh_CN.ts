<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CreateAdministratorDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/first_admin_dialog.py" line="+40"/>
        <source>Create the administrator — ipdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database has no administrator yet. Create the administrator&apos;s account: it manages users, the organisation and the other settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>At least %n characters, not only digits.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ipdesk/ui/main_window.py" line="+63"/>
        <source>IP Rights Protection Aid and Mediation — ipdesk</source>
        <translation>知识产权维权援助调解平台 — ipdesk</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The case list will appear here.</source>
        <translation>案件列表将在此处显示。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ipdesk</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Loading the organisation…</source>
        <translation>正在加载组织机构…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The organisation could not be loaded: {0}</source>
        <translation>组织机构加载失败：{0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>About ipdesk</source>
        <translation>关于 ipdesk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;IP Rights Protection Aid and Mediation&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;知识产权维权援助调解平台&lt;/p&gt;&lt;p&gt;数据库：{1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../ipdesk/ui/org_tree.py" line="+26"/>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Open cases: %n</source>
        <translation>
            <numerusform>在办案件：%n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+377"/>
        <source>Reset password — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New password for {0} ({1}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;epeat password:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/sign_in_dialog.py" line="+48"/>
        <source>Sign in — ipdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database: {0}</source>
        <translation type="unfinished">数据库：{0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserAdminDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+53"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;New user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change &amp;role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+81"/>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Reset &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>User {0} was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} is now: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The password of {0} was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} was disabled and can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <location line="-362"/>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change role — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Office / station:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;epeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Whole city</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location line="-224"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office / station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Whole city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ipdesk/app.py" line="+151"/>
        <source>Generating demo cases…</source>
        <translation>正在生成演示案件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Demo database with %n case(s)</source>
        <translation type="unfinished">演示数据库：共 %n 件案件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The demo data could not be generated: {0}</source>
        <translation>演示数据生成失败：{0}</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The database could not be opened:
{0}

{1}</source>
        <translation>无法打开数据库：
{0}

{1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <location filename="../../ipdesk/ui/auth/texts.py" line="+18"/>
        <source>Station staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong passwords: the account is locked. Try again in %n minute(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This account has been disabled. Please ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An administrator already exists. Sign in with that account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password must have at least %n characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password must not consist of digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This user name is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station staff need a station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediators and office managers need an office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen office or station does not fit the role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office or station does not exist or is no longer active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the last active administrator: it must stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot disable your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This mediator still handles %n open case(s). Reassign them first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ipdesk/ui/messages.py" line="+23"/>
        <source>The database is not ready for use.</source>
        <translation>数据库尚未就绪，暂时无法使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database was created by a newer version of ipdesk. Please upgrade this program before opening it.</source>
        <translation>数据库由更新版本的 ipdesk 创建，请升级本程序后再打开。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database has not been initialised yet. Run “ipdesk-admin init” first.</source>
        <translation>数据库尚未初始化，请先运行“ipdesk-admin init”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your role does not permit this operation.</source>
        <translation>当前角色无权执行此操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record was not found. It may have been deleted.</source>
        <translation>未找到该记录，可能已被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else saved this record in the meantime. Your changes have not been saved; reload the record and apply them again.</source>
        <translation>该记录已由他人修改并保存，您的修改未能保存。请重新加载该记录后再次修改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The import failed; nothing was changed.</source>
        <translation>导入失败，未作任何更改。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Database error: {0}</source>
        <translation>数据库错误：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error: {0}</source>
        <translation>发生意外错误：{0}</translation>
    </message>
</context>
</TS>
