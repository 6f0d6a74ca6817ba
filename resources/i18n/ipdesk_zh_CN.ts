<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>app</name>
    <message>
        <location filename="../../ipdesk/app.py" line="+165"/>
        <source>The demo data generator is not available</source>
        <translation>演示数据生成器不可用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generating demo cases…</source>
        <translation>正在生成演示案件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message numerus="yes">
        <location line="-13"/>
        <source>Demo database with %n case(s)</source>
        <translation>
            <numerusform>演示数据库：共 %n 件案件</numerusform>
        </translation>
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
