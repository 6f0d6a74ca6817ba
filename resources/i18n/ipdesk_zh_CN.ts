<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/actions.py" line="+170"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason (optional):</source>
        <translation>理由（选填）(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Note (optional):</source>
        <translation>备注（选填）(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Court:</source>
        <translation>法院(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mediator:</source>
        <translation>调解员(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To &amp;office:</source>
        <translation>移交至裁决所(&amp;O)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Perform “{0}” on this case?</source>
        <translation>确定对本案件执行“{0}”操作吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re&amp;load case</source>
        <translation>重新加载案件(&amp;L)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>{0} — %n open case(s)</source>
        <translation>
            <numerusform>{0} — 在办 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The case was reloaded. Check it and apply again.</source>
        <translation>案件已重新加载，请核对后重新操作。</translation>
    </message>
</context>
<context>
    <name>Adjudication</name>
    <message>
        <location filename="../../ipdesk/ui/adjudication/texts.py" line="+40"/>
        <source>Request adjudication</source>
        <extracomment>The case actions of the adjudication track (services/cases/adjudication.py).</extracomment>
        <translation>请求行政裁决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept for adjudication</source>
        <translation>批准立案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse adjudication</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set panel</source>
        <translation>确定合议组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve request</source>
        <translation>送达请求书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record defence</source>
        <translation>登记答辩</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence exchange</source>
        <translation>证据交换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notify hearing</source>
        <translation>通知口头审理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record hearing</source>
        <translation>口头审理笔录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspend (invalidation)</source>
        <translation>中止（无效宣告）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume adjudication</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decide</source>
        <translation>签发裁决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve decision</source>
        <translation>送达裁决书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After the window</source>
        <translation>起诉期限届满</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve reminder</source>
        <translation>送达催告书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply for enforcement</source>
        <translation>申请强制执行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted (docketed)</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+55"/>
        <source>Panel set</source>
        <translation>已确定合议组</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Request served</source>
        <translation>已送达请求书</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>Defence recorded</source>
        <translation>已答辩</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Hearing notified</source>
        <translation>已通知口头审理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hearing held</source>
        <translation>已口头审理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decided</source>
        <translation>已作出裁决</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Decision served</source>
        <translation>裁决书已送达</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+51"/>
        <source>Enforcement applied for</source>
        <translation>已申请强制执行</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Concluded</source>
        <translation>已终结</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In person</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic (with consent)</source>
        <translation>电子送达（经同意）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left at the address</source>
        <translation>留置送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through another authority</source>
        <translation>委托送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public notice</source>
        <translation>公告送达</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Acceptance notice</source>
        <translation>立案通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusal notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request copy and defence notice</source>
        <translation>请求书副本及答辩通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral hearing notice</source>
        <translation>口头审理通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>行政裁决书</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The infringer stopped</source>
        <translation>侵权人已停止侵权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A party sued</source>
        <translation>当事人已起诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not stopped, no suit</source>
        <translation>期满未起诉且未停止侵权</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adjudication requested</source>
        <translation>请求行政裁决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted for adjudication</source>
        <translation>行政裁决立案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjudication refused</source>
        <translation>行政裁决不予受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request served on the respondent</source>
        <translation>向被请求人送达请求书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence exchanged</source>
        <translation>证据交换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral hearing notified</source>
        <translation>通知口头审理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral hearing held</source>
        <translation>进行口头审理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision signed off</source>
        <translation>签发行政裁决书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After the window to sue</source>
        <translation>起诉期限届满情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder before enforcement served</source>
        <translation>已送达强制执行前催告书</translation>
    </message>
</context>
<context>
    <name>AdjudicationTab</name>
    <message>
        <location filename="../../ipdesk/ui/adjudication/tab.py" line="+35"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>签收日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service receipts</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence exchange and hearing records</source>
        <translation>证据交换和口头审理记录</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This case is not being adjudicated.</source>
        <translation>本案未进入行政裁决程序。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step: {0}</source>
        <translation>当前阶段：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (presiding)</source>
        <translation>（主办）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Panel: {0}</source>
        <translation>合议组：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Defence due: {0}</source>
        <translation>答辩期限：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Oral hearing: {0}, {1}</source>
        <translation>口头审理：{0}，{1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Suspended: invalidation request {0} pending</source>
        <translation>已中止：无效宣告请求 {0} 待审</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>infringement found</source>
        <translation>认定侵权成立</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>infringement not found</source>
        <translation>认定侵权不成立</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision {0} of {1}: {2}</source>
        <translation>裁决书 {0}（{1}）：{2}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Window to sue ends: {0}</source>
        <translation>起诉期限届满：{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reminder served {0}: enforcement may be applied for after {1}</source>
        <translation>催告书已于 {0} 送达：{1} 之后可申请强制执行</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Evidence exchange</source>
        <translation>证据交换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral hearing</source>
        <translation>口头审理</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="+321"/>
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The administrator manages users, the organisation, holidays, templates and backups. Keep the password safe.</source>
        <translation>系统管理员负责管理用户、组织机构、节假日、文书模板和备份。请妥善保管密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>At least %n characters, not only digits.</source>
        <translation>
            <numerusform>至少 %n 个字符，且不能全部是数字。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>AgenciesDialog</name>
    <message>
        <location filename="../../ipdesk/ui/agencies/dialog.py" line="+204"/>
        <source>Partner agencies</source>
        <translation>协作单位</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show &amp;deactivated</source>
        <translation>显示已停用(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+81"/>
        <source>De&amp;activate</source>
        <translation>停用(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location line="-28"/>
        <source>%n agency(ies)</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AgencyEditDialog</name>
    <message>
        <location line="-201"/>
        <source>New agency</source>
        <translation>新建协作单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit agency — {0}</source>
        <translation>编辑协作单位 — {0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>e.g. 0475-8123456 or 13912345678</source>
        <translation>如：0475-8123456 或 13912345678</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Division code, e.g. 150502</source>
        <translation>行政区划代码，如：150502</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court &amp;level:</source>
        <translation>法院层级(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact &amp;person:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region:</source>
        <translation>所在地区(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>AgencyTableModel</name>
    <message>
        <location line="-91"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court level</source>
        <translation>法院层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deactivated: no longer offered</source>
        <translation>已停用：不再作为可选项</translation>
    </message>
</context>
<context>
    <name>AgreementEditor</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/editor.py" line="+64"/>
        <source>Mediation agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In &amp;effect since</source>
        <translation>生效日期(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The agreement takes effect when every party has signed, sealed or fingerprinted it and the mediator has signed and the office has sealed it.</source>
        <translation>调解协议经各方当事人签名、盖章或者按指印，调解员签名并加盖裁决所印章后生效。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The agreement decides &amp;ownership or validity of an IP right</source>
        <translation>协议涉及知识产权权属或效力的确认(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Courts do not confirm an agreement that decides ownership or validity of an IP right (SPC interpretation of the Civil Procedure Law, Art. 355): tell the parties before they apply for judicial confirmation; they may sue over ownership instead.</source>
        <translation>涉及确认知识产权权属或效力的调解协议，人民法院不予司法确认（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十五条）：申请司法确认前请告知当事人；当事人可以就权属争议另行提起诉讼。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Add term</source>
        <translation>添加条款(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove term</source>
        <translation>删除条款(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Signed on:</source>
        <translation>签订日期(&amp;S)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Facts and matters in dispute:</source>
        <translation>纠纷事实及争议事项(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each party&apos;s &amp;responsibility:</source>
        <translation>各方责任(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed terms:</source>
        <translation>协议内容：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Case {0}: record the agreement the parties reached</source>
        <translation>案件 {0}：登记当事人达成的协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record agreement</source>
        <translation>登记协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case {0}: edit the agreement</source>
        <translation>案件 {0}：编辑协议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case {0}: the agreement can no longer be changed here</source>
        <translation>案件 {0}：协议已不能在此修改</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Total: {0} yuan ({1})</source>
        <translation>合计：{0} 元（{1}）</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+140"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Check the deadlines every:</source>
        <translation>期限检查间隔(&amp;C)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ipdesk looks for cases whose deadlines come near at start-up and then at this interval, and shows new alerts. Default: {0} minutes.</source>
        <translation>ipdesk 在启动时以及此后每隔这段时间检查临近期限的案件，并显示新的预警。默认：{0} 分钟。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alerts</source>
        <translation>期限预警</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/panel.py" line="+95"/>
        <source>Show acknowledged</source>
        <translation>显示已确认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that you have seen the selected alerts</source>
        <translation>记录您已知悉所选提醒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <location line="+5"/>
        <source>%n unacknowledged alert(s)</source>
        <translation>
            <numerusform>%n 条未确认提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-3"/>
        <source>(showing the %n most urgent)</source>
        <translation>
            <numerusform>（仅显示最紧急的 %n 条）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The alerts could not be loaded: {0}</source>
        <translation>无法加载提醒：{0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The alerts could not be acknowledged: {0}</source>
        <translation>无法确认提醒：{0}</translation>
    </message>
</context>
<context>
    <name>AlertsTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/model.py" line="+84"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{0} (escalated)</source>
        <translation>{0}（已上报）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(unassigned)</source>
        <translation>（未指派）</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>%n day(s) overdue</source>
        <translation>已超期 %n 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今日届满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n day(s) left</source>
        <translation>剩余 %n 日</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+166"/>
        <source>Answer of {0}</source>
        <translation>{0}的答复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answered &amp;on:</source>
        <translation>答复日期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Opinion:</source>
        <translation>意见(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+25"/>
        <source>&amp;Largest attachment:</source>
        <translation>附件大小上限(&amp;L)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evidence files larger than this are refused when a case is registered. Default: {0} MB.</source>
        <translation>登记案件时，超过此大小的证据文件将被拒收。默认：{0} MB。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>AuditCheckDialog</name>
    <message>
        <location filename="../../ipdesk/ui/maintenance/audit_check.py" line="+47"/>
        <source>Verify audit trail</source>
        <translation>校验审计记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking every record of the audit trail…</source>
        <translation>正在逐条校验审计记录…</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>The audit trail is intact: %n record(s) checked.</source>
        <translation>
            <numerusform>审计记录完整：已校验 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit trail is empty.</source>
        <translation>审计记录为空。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>The audit trail is broken at record {0}. %n record(s) before it are intact.</source>
        <translation>
            <numerusform>审计记录在第 {0} 条处断开。此前的 %n 条记录完整。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The audit trail could not be checked: {0}</source>
        <translation>无法校验审计记录：{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Records are missing or out of order</source>
        <translation>记录缺失或顺序被调换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The link to the previous record does not match</source>
        <translation>与前一条记录的链接不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record was altered after it was written</source>
        <translation>记录写入后被修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record cannot be read</source>
        <translation>记录无法读取</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+21"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup &amp;folder:</source>
        <translation>备份文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups of the database are written to this folder. Choose a folder on another disk or a network share, so that a backup survives a broken disk.</source>
        <translation>数据库备份保存在此文件夹中。请选择另一块磁盘或网络共享上的文件夹，以免磁盘损坏时备份一同丢失。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a backup folder.</source>
        <translation>请选择备份文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the backup folder&apos;s full path.</source>
        <translation>请输入备份文件夹的完整路径。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{0}” is a file, not a folder.</source>
        <translation>“{0}”是文件，不是文件夹。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/actions.py" line="-255"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start mediation</source>
        <translation>开始调解</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record agreement</source>
        <translation>登记调解协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit agreement</source>
        <translation>修改调解协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdrawn</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply for confirmation</source>
        <translation>申请司法确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Court confirmation</source>
        <translation>法院司法确认结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign mediator</source>
        <translation>指派调解员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspend</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extend</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct case</source>
        <translation>更正案件信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add evidence</source>
        <translation>补充证据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediation record</source>
        <translation>调解笔录</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <location filename="../../ipdesk/ui/cases/widget.py" line="+74"/>
        <location line="+158"/>
        <source>All offices</source>
        <translation>全部裁决所</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+168"/>
        <source>All stations</source>
        <translation>全部援助站</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any IP type</source>
        <translation>全部知识产权类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from —</source>
        <translation>开始日期 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to —</source>
        <translation>结束日期 —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search: number, party name, ID / credit code, right number, facts</source>
        <translation>搜索：案号、当事人名称、身份证号/统一社会信用代码、权利号、案情</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all cases again</source>
        <translation>重新显示全部案件</translation>
    </message>
    <message>
        <location line="+312"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件案件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/cases/model.py" line="+226"/>
        <source>Number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP type</source>
        <translation>知识产权类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>裁决所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>援助站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location line="-15"/>
        <source> (suspended)</source>
        <translation>（中止）</translation>
    </message>
    <message>
        <location line="+540"/>
        <source>Suspended: the clock is stopped</source>
        <translation>已中止：期限暂停计算</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已超期 %n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>%n 日后届满</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/view.py" line="+135"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office:</source>
        <translation>裁决所：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station:</source>
        <translation>援助站：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediator:</source>
        <translation>调解员：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP right:</source>
        <translation>知识产权：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute type:</source>
        <translation>纠纷类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>来源渠道：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received:</source>
        <translation>收案日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount claimed:</source>
        <translation>请求金额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts and reasons:</source>
        <translation>事实与理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim:</source>
        <translation>请求事项：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show personal data</source>
        <translation>显示个人信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows ID numbers, phones and addresses in full; the access is logged</source>
        <translation>完整显示身份证号、电话和地址；查看操作将被记录</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open file</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>制作人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;document</source>
        <translation>打开文书(&amp;D)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultations</source>
        <translation>联席会商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediation records</source>
        <translation>调解笔录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudication</source>
        <translation>行政裁决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Like cases</source>
        <translation>类案</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Case {0} — {1}</source>
        <translation>案件 {0} — {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not assigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} yuan</source>
        <translation>{0} 元</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Suspended since {0}: the handling clock is stopped.</source>
        <translation>自 {0} 起中止：办理期限暂停计算。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suspended: the 60-day clock is stopped.</source>
        <translation>已中止：60日办理期限暂停计算。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Handling ended on {0}, %n day(s) after its due date {1}.</source>
        <translation>
            <numerusform>于 {0} 办结，超过期限（{1}）%n 日。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Handling ended on {0}, on time (due {1}).</source>
        <translation>于 {0} 按期办结（期限 {1}）。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Decision on acceptance overdue since {0} (%n day(s)).</source>
        <translation>
            <numerusform>受理决定自 {0} 起已超期（%n 日）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Decision on acceptance due {0}: %n day(s) left.</source>
        <translation>
            <numerusform>受理决定期限 {0}：剩余 %n 日。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Overdue since {0} (%n day(s)).</source>
        <translation>
            <numerusform>自 {0} 起超期（%n 日）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Due {0}: %n day(s) left.</source>
        <translation>
            <numerusform>{0} 届满：剩余 %n 日。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due {0}.</source>
        <translation>{0} 届满。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not accepted yet: the handling limit has not started.</source>
        <translation>尚未受理：办理期限尚未起算。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provisional: the holiday calendar does not cover the due year yet.</source>
        <translation>暂定：节假日日历尚未覆盖届满所在年份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediator assigned</source>
        <translation>指派调解员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred</source>
        <translation>移交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation started</source>
        <translation>开始调解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement reached</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement corrected</source>
        <translation>更正调解协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation requested</source>
        <translation>申请司法确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court accepted the application</source>
        <translation>法院受理司法确认申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court&apos;s decision limit extended</source>
        <translation>法院审查期限延长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>司法确认有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation denied</source>
        <translation>驳回司法确认申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resumed</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extended</source>
        <translation>延长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case corrected</source>
        <translation>更正案件信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence added</source>
        <translation>补充证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation session recorded</source>
        <translation>登记调解笔录</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>No document can be issued by you for this case at its stage.</source>
        <translation>在本案当前阶段，您不能出具任何文书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} cannot be generated yet. Missing: {1}</source>
        <translation>暂不能生成{0}。缺少：{1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CaseViewDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/__init__.py" line="+28"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case {0}</source>
        <translation>案件 {0}</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/charts.py" line="+272"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>ClockDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/clock_dialog.py" line="+76"/>
        <source>Suspend the handling limit</source>
        <extracomment>How long the input must rest before the preview is computed again (milliseconds).</extracomment>
        <translation>中止办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume the handling limit</source>
        <translation>恢复办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extend the handling limit</source>
        <translation>延长办理期限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Suspended: the clock is stopped</source>
        <translation>已中止：期限暂停计算</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date now:</source>
        <translation>当前届满日：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> day(s)</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Suspended from:</source>
        <translation>中止开始日期(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resumed on:</source>
        <translation>恢复日期(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Days to add:</source>
        <translation>延长天数(&amp;D)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. expert appraisal commissioned; invalidation request pending</source>
        <translation>如：已委托鉴定；无效宣告请求尚在审查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;eason (optional):</source>
        <translation>理由（可不填）(&amp;E)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>R&amp;eason:</source>
        <translation>理由(&amp;E)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} (you approve this change as its manager)</source>
        <translation>{0}（您作为负责人批准此项变更）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved by:</source>
        <translation>批准人：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New due date:</source>
        <translation>新的届满日：</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+13"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>None while suspended: the clock stops; %n day(s) of the limit remain.</source>
        <translation>
            <numerusform>中止期间无届满日：期限暂停计算，尚余 %n 日。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} (now: {1})</source>
        <translation>{0}（当前：{1}）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) suspended</source>
        <translation>
            <numerusform>中止 %n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s) added by extensions</source>
        <translation>
            <numerusform>延长 %n 日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In all: {0}.</source>
        <translation>共计：{0}。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last day is a rest day: the limit ends on the next working day.</source>
        <translation>期限的最后一日为休息日，以其后的第一个工作日为期限届满日。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provisional: the holiday calendar does not cover the due year yet.</source>
        <translation>暂定：节假日日历尚未覆盖届满所在年份。</translation>
    </message>
</context>
<context>
    <name>ConcludeDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+108"/>
        <source>Conclude the consultation</source>
        <translation>结束会商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conclude</source>
        <translation>结束会商</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The agencies&apos; opinions and the conclusion (kept if already recorded)</source>
        <translation>各单位意见及会商结论（已录入的内容将保留）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Minutes:</source>
        <translation>会议纪要(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ConfirmationDialog</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/confirmation_dialog.py" line="+78"/>
        <source>Judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>I have told the parties; they apply &amp;anyway</source>
        <translation>已告知当事人，当事人仍坚持申请(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No registered court has a ground of jurisdiction for this case. Ask the administrator to complete the courts&apos; levels and regions.</source>
        <translation>已登记的法院中没有对本案有管辖依据的法院。请系统管理员补全各法院的级别和辖区。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record &amp;application</source>
        <translation>登记申请(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Court:</source>
        <translation>法院(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applied &amp;on:</source>
        <translation>申请日期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record &amp;acceptance</source>
        <translation>登记受理(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record 10-day e&amp;xtension</source>
        <translation>登记延长10日(&amp;X)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The court president approved 10 more days for the court&apos;s decision</source>
        <translation>经院长批准，法院审查期限延长10日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agreement confirmed valid</source>
        <translation>协议确认有效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application dismissed</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ruling number, e.g. (2026) 内0502民特12号</source>
        <translation>裁定书文号，如：(2026) 内0502民特12号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record &amp;decision</source>
        <translation>登记裁定(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accepted on:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extension approved on:</source>
        <translation>延长批准日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision:</source>
        <translation>裁定结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ruling number:</source>
        <translation>裁定书文号：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decided on:</source>
        <translation>裁定日期：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The agreement decides ownership or validity of an IP right: courts do not confirm such agreements (SPC interpretation of the Civil Procedure Law, Art. 355). The parties may sue over ownership instead.</source>
        <translation>该协议涉及知识产权权属或效力的确认，法院不予确认此类协议（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十五条）。当事人可就权属争议另行提起诉讼。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is an ownership dispute: if the agreement confirms ownership or validity of the right, the court will not confirm it (SPC interpretation of the Civil Procedure Law, Art. 355).</source>
        <translation>本案为权属纠纷：如协议确认权利的归属或效力，法院将不予确认（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十五条）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the court referred the case to mediation</source>
        <translation>法院委派调解</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the dispute belongs to the intermediate court</source>
        <translation>纠纷属中级人民法院管辖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>where the mediating office is</source>
        <translation>调解组织所在地</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>where a party lives</source>
        <translation>当事人住所地</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>agreement confirmed valid</source>
        <translation>协议确认有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>application dismissed</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case {0}</source>
        <translation>案件 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agreement has not taken effect yet.</source>
        <translation>协议尚未生效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agreement took effect on {0}; the 30 days to apply ended on {1}. It can no longer be brought to a court for confirmation.</source>
        <translation>协议于 {0} 生效，30日申请期限已于 {1} 届满，不能再向法院申请司法确认。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The agreement took effect on {0}; apply by {1}.</source>
        <translation>协议于 {0} 生效，请于 {1} 前提出申请。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0} (no ground of jurisdiction)</source>
        <translation>{0}（无管辖依据）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No application yet.</source>
        <translation>尚未申请。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applied to {0} on {1}.</source>
        <translation>已于 {1} 向{0}提出申请。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accepted on {0}; the court decides by {1}{2}.</source>
        <translation>已于 {0} 受理，法院应于 {1} 前作出裁定{2}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (extended)</source>
        <translation>（已延长）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decided on {0}: {1} ({2}).</source>
        <translation>{0} 作出裁定：{1}（{2}）。</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../../ipdesk/ui/settings/connection_form.py" line="+99"/>
        <source>e.g. 192.168.1.20 or db.example.gov.cn</source>
        <translation>例如 192.168.1.20 或 db.example.gov.cn</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>在系统密钥环中记住密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No system keyring is available: ipdesk will ask for the password at each start.</source>
        <translation>本机没有可用的系统密钥环：ipdesk 每次启动时都会询问密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Connecting to {0}…</source>
        <translation>正在连接 {0}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connected: {0}.</source>
        <translation>连接成功：{0}。</translation>
    </message>
</context>
<context>
    <name>ConsultationRequestDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="-212"/>
        <source>Request a consultation</source>
        <translation>发起会商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send request</source>
        <translation>发送请求</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject:</source>
        <translation>事由(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Questions:</source>
        <translation>会商问题(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agencies:</source>
        <translation>会商单位(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent &amp;on:</source>
        <translation>发送日期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A suspected crime is referred to a procuratorate only.</source>
        <translation>涉嫌犯罪线索只能移送检察院。</translation>
    </message>
</context>
<context>
    <name>ConsultationsTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/model.py" line="+69"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested</source>
        <translation>发起日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ConsultationsView</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/view.py" line="+108"/>
        <source>All agencies</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All offices</source>
        <translation>全部裁决所</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New consultation…</source>
        <translation>新建会商(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record &amp;answer…</source>
        <translation>登记答复(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record &amp;meeting…</source>
        <translation>登记会议(&amp;M)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Withdraw request…</source>
        <translation>撤回请求(&amp;W)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Conclude…</source>
        <translation>结束会商(&amp;C)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 条请求</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/correction_dialog.py" line="+58"/>
        <source>Correct the case</source>
        <translation>更正案件信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID numbers, phones and addresses are shown masked. A masked field stays as it is unless you type the whole new value.</source>
        <translation>证件号码、电话和地址以隐去部分内容的形式显示。除非输入完整的新内容，隐去部分内容的字段保持不变。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Why (optional), e.g. the party&apos;s call</source>
        <translation>更正原因（可不填），如：当事人来电告知</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IP type:</source>
        <translation>知识产权类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right number:</source>
        <translation>权利号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right holder:</source>
        <translation>权利人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute type:</source>
        <translation>纠纷类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts and reasons:</source>
        <translation>事实与理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim:</source>
        <translation>请求事项：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount claimed (yuan):</source>
        <translation>请求金额（元）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reason for the correction:</source>
        <translation>更正原因：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Correct case {0}</source>
        <translation>更正案件 {0}</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Nothing has been changed.</source>
        <translation>没有任何改动。</translation>
    </message>
</context>
<context>
    <name>CreateAdministratorDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/first_admin_dialog.py" line="+38"/>
        <source>Create the administrator — ipdesk</source>
        <translation>创建系统管理员 — ipdesk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database has no administrator yet. Create the administrator&apos;s account: it manages users, the organisation and the other settings.</source>
        <translation>此数据库尚无系统管理员。请创建系统管理员账户：它负责管理用户、组织机构和其他设置。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>At least %n characters, not only digits.</source>
        <translation>
            <numerusform>至少 %n 个字符，且不能全部是数字。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
</context>
<context>
    <name>DashboardTableModel</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/model.py" line="+92"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Office / station</source>
        <translation>裁决所/援助站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases received in the period</source>
        <translation>统计期内收案数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases accepted in the period</source>
        <translation>统计期内受理的案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases open at the end of the period</source>
        <translation>统计期末仍在办理的案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>即将届满</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open cases due within the next days</source>
        <translation>近几日内届满的在办案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases past their due date at the end of the period</source>
        <translation>统计期末已超过期限的在办案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases closed in the period</source>
        <translation>统计期内结案的案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed in time</source>
        <translation>按期结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In time</source>
        <translation>按期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed in time, of all closed</source>
        <translation>按期结案数占全部结案数的比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Within the limit</source>
        <translation>期限内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Within 90 days</source>
        <translation>90日内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median days</source>
        <translation>中位天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling days from acceptance to closure, suspensions not counted</source>
        <translation>自受理至结案的办理天数，不含中止期间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediated</source>
        <translation>已调解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed cases whose mediation ended in agreement or failure</source>
        <translation>调解达成协议或调解不成而结案的案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreements</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Success rate</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent for confirmation</source>
        <translation>申请司法确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>获司法确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultation requests</source>
        <translation>会商请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered late</source>
        <translation>逾期答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up rate</source>
        <translation>回访率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudications open</source>
        <translation>在办行政裁决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjudications accepted and not yet decided at the end of the period</source>
        <translation>期末已受理、尚未作出裁决的行政裁决案件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adjudications decided</source>
        <translation>已作出裁决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative decisions made in the period</source>
        <translation>本期作出的行政裁决</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decided in time</source>
        <translation>按期裁决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions made within the handling limit, of those decided</source>
        <translation>已作出裁决中在办理期限内作出的</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <location line="+2"/>
        <source>≤ %n day(s)</source>
        <translation>
            <numerusform>≤ %n 日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Double-click to list the cases behind this number</source>
        <translation>双击列出该数字对应的案件</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/widget.py" line="+101"/>
        <source>All offices</source>
        <translation>全部裁决所</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+114"/>
        <source>All stations</source>
        <translation>全部援助站</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Loading the figures…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling the export…</source>
        <translation>正在取消导出…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{0} to {1}, figures as of {2}. Double-click a number to list its cases.</source>
        <translation>{0}至{1}，数据截至{2}。双击数字可列出对应案件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Total of the selection</source>
        <translation>所选合计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City total</source>
        <translation>全市合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The dashboard could not be loaded: {0}</source>
        <translation>无法加载统计看板：{0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Exporting to {0}…</source>
        <translation>正在导出到 {0}…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exported {0} cases to {1}.</source>
        <translation>已将 {0} 件案件导出到 {1}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+13"/>
        <source>In use now: {0}</source>
        <translation>当前使用：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="-218"/>
        <source>&amp;Embedded database on this computer</source>
        <translation>本机内置数据库(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Shared PostgreSQL server</source>
        <translation>共享的 PostgreSQL 数据库服务器(&amp;S)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A new database connection takes effect when ipdesk starts again.</source>
        <translation>更改的数据库连接在 ipdesk 重新启动后生效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enter the database file&apos;s full path.</source>
        <translation>请输入数据库文件的完整路径。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{0}” is a folder: enter a file name.</source>
        <translation>“{0}”是文件夹，请输入文件名。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="-4"/>
        <source>Where should ipdesk keep its data?</source>
        <translation>ipdesk 的数据保存在哪里？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome to ipdesk. A few steps prepare this computer for its first use.</source>
        <translation>欢迎使用 ipdesk。只需几步，即可完成本机的首次使用准备。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For a single workstation. Nothing to set up: the data is kept in the file {0}.</source>
        <translation>适用于单台电脑，无需任何设置。数据保存在文件 {0} 中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The network&apos;s ipdesk &amp;server</source>
        <translation>网络的 ipdesk 服务器(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For the network: the offices and aid stations work through one ipdesk server. Your administrator gives you its address, the network&apos;s certificate file and your account.</source>
        <translation>适用于联网使用：各裁决所和援助工作站通过同一台 ipdesk 服务器工作。服务器地址、网络的证书文件和您的账号由管理员提供。</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/settings/password_dialog.py" line="+34"/>
        <source>Database password — ipdesk</source>
        <translation>数据库密码 — ipdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shared database {0} needs the password of the user “{1}”.</source>
        <translation>连接共享数据库 {0} 需要用户“{1}”的密码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>在系统密钥环中记住密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>DeadlineBoardModel</name>
    <message>
        <location filename="../../ipdesk/ui/deadlines/board.py" line="+95"/>
        <source>Office</source>
        <extracomment>The drill-down bucket of each column. The case list&apos;s deadline state of each bucket (the board counts open cases only).</extracomment>
        <translation>裁决所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>即将届满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All offices</source>
        <translation>全部裁决所</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Due within %n day(s), today included</source>
        <translation>
            <numerusform>%n 日内（含今日）届满</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Double-click to list these cases</source>
        <translation>双击列出这些案件</translation>
    </message>
</context>
<context>
    <name>DeadlineBoardWidget</name>
    <message>
        <location line="+41"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>due within %n day(s)</source>
        <translation>
            <numerusform>%n 日内届满</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open cases: {0}; {1}: {2}; overdue: {3}; suspended: {4}</source>
        <translation>在办案件：{0}；{1}：{2}；已超期：{3}；中止：{4}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The deadline board could not be loaded: {0}</source>
        <translation>无法加载期限看板：{0}</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/event_details.py" line="+24"/>
        <source>IP type</source>
        <translation>知识产权类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right number</source>
        <translation>权利号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right holder</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts and reasons</source>
        <translation>事实与理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>representative&apos;s title</source>
        <translation>法定代表人职务</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{0}: {1} → {2}</source>
        <translation>{0}：{1} → {2}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Session of {0} at {1}</source>
        <translation>{0}在{1}调解</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>暂停计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspended from {0}</source>
        <translation>自 {0} 起中止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resumed on {0}</source>
        <translation>于 {0} 恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extended by {0} day(s)</source>
        <translation>延长 {0} 日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due date {0} → {1}</source>
        <translation>届满日 {0} → {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved by {0}</source>
        <translation>批准人：{0}</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_view/evidence_dialog.py" line="+52"/>
        <source>Add evidence to case {0}</source>
        <translation>为案件 {0} 补充证据</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Add evidence</source>
        <translation>补充证据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose &amp;files…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the files show, e.g. photos of the goods on sale</source>
        <translation>文件所证明的内容，如：在售侵权商品的照片</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose at least one file.</source>
        <translation>请至少选择一个文件。</translation>
    </message>
</context>
<context>
    <name>FileCheckBanner</name>
    <message>
        <location filename="../../ipdesk/ui/maintenance/file_check.py" line="+56"/>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n evidence or document record(s) lack their file or do not match it. Nothing was deleted; tell the administrator.</source>
        <translation>
            <numerusform>%n 条证据材料或文书记录缺少文件或与文件不符。未删除任何内容；请告知管理员。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n file(s) in the evidence and document folders belong to no case (perhaps left by an interrupted save). Nothing was deleted.</source>
        <translation>
            <numerusform>证据材料和文书文件夹中有 %n 个文件不属于任何案件（可能是保存中断后留下的）。未删除任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The files could not be checked: {0}</source>
        <translation>无法检查文件：{0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File check</source>
        <translation>文件检查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evidence folder: {0}</source>
        <translation>证据材料文件夹：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents folder: {0}</source>
        <translation>文书文件夹：{0}</translation>
    </message>
</context>
<context>
    <name>FollowUpPolicyDialog</name>
    <message>
        <location filename="../../ipdesk/ui/followups/policy_dialog.py" line="+45"/>
        <location line="+80"/>
        <source>Follow-up policy</source>
        <translation>回访规则</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serious cases</source>
        <translation>重大案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordinary cases</source>
        <translation>一般案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor cases</source>
        <translation>轻微案件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits per year</source>
        <translation>每年回访次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of cases visited</source>
        <translation>回访案件比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First visit, days after closure</source>
        <translation>首次回访（结案后天数）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Changes apply to cases closed from now on; visits already planned keep their dates.</source>
        <translation>修改仅适用于此后结案的案件；已计划的回访日期不变。</translation>
    </message>
</context>
<context>
    <name>FollowUpWorkList</name>
    <message>
        <location filename="../../ipdesk/ui/followups/worklist.py" line="+112"/>
        <source>Due within 7 days</source>
        <translation>7日内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within 30 days</source>
        <translation>30日内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All planned visits</source>
        <translation>全部计划回访</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record &amp;visit…</source>
        <translation>记录回访(&amp;V)…</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n visit(s) to make</source>
        <translation>
            <numerusform>待回访 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n overdue</source>
        <translation>
            <numerusform>，其中 %n 次已超期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The work list could not be loaded: {0}</source>
        <translation>无法加载工作清单：{0}</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="-295"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language takes effect when ipdesk starts again.</source>
        <translation>更改的语言在 ipdesk 重新启动后生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>HolidayBanner</name>
    <message>
        <location filename="../../ipdesk/ui/holidays/banner.py" line="+43"/>
        <source>Enter holidays…</source>
        <translation>录入节假日…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The State Council&apos;s holiday notice for {0} has not been entered. Deadlines reaching into that year are computed with the statutory holidays by rule, without the adjusted working days, and marked provisional.</source>
        <translation>尚未录入国务院办公厅关于{0}年部分节假日安排的通知。涉及该年度的期限暂按法定节假日规则计算（不含调休上班日），并标注为“暂定”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please ask the administrator to enter them.</source>
        <translation>请联系管理员录入。</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../ipdesk/ui/holidays/dialog.py" line="+81"/>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name, e.g. Spring Festival</source>
        <translation>名称，如：春节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as &amp;rest day</source>
        <translation>设为休息日(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as &amp;working day</source>
        <translation>设为工作日(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear entry</source>
        <translation>清除录入(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The holidays of this year are &amp;complete</source>
        <translation>本年节假日已录入完整(&amp;C)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Import holidays</source>
        <translation>导入节假日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{0}: holidays from chinesecalendar.</source>
        <translation>{0}年：节假日数据来自 chinesecalendar。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: holidays entered by the administrator (complete).</source>
        <translation>{0}年：节假日由管理员录入（完整）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the State Council&apos;s notice has not been entered. Deadlines in this year are computed with the statutory holidays by rule and weekends, without the adjusted working days, and marked provisional until the notice is entered and the year declared complete.</source>
        <translation>{0}年：尚未录入国务院办公厅的节假日安排通知。该年度的期限暂按法定节假日规则和周末计算（不含调休上班日），在录入通知并确认该年度完整之前标注为“暂定”。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entered</source>
        <translation>已录入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chinesecalendar</source>
        <translation>chinesecalendar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>statutory rule, provisional</source>
        <translation>法定节假日规则，暂定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weekend</source>
        <translation>周末</translation>
    </message>
</context>
<context>
    <name>ImportLedgerDialog</name>
    <message>
        <location filename="../../ipdesk/ui/case_import/dialog.py" line="+56"/>
        <source>Import case ledger</source>
        <translation>导入案件台账</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A .xlsx or .csv ledger, one case per row</source>
        <translation>.xlsx 或 .csv 格式的台账，每行一件案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose a case ledger</source>
        <translation>选择案件台账</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ledgers (*.xlsx *.csv)</source>
        <translation>台账 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n row(s) read; {0} with problems. Correct the file and choose it again: nothing is imported while any row is invalid.</source>
        <translation>
            <numerusform>已读取 %n 行，其中 {0} 行有问题。请修改文件后重新选择：只要有一行无效，就不会导入任何数据。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file holds no cases.</source>
        <translation>该文件中没有案件。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n row(s) read, all valid. Press Import to register them.</source>
        <translation>
            <numerusform>已读取 %n 行，全部有效。点击“导入”进行登记。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n case(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 件案件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../ipdesk/ui/intake/dialog.py" line="+144"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Restore draft</source>
        <translation>恢复草稿(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;iscard draft</source>
        <translation>放弃草稿(&amp;I)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>+ Applicant</source>
        <translation>+ 申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Respondent</source>
        <translation>+ 被申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Third party</source>
        <translation>+ 第三人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Agent</source>
        <translation>+ 委托代理人</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patent application number or trademark registration number</source>
        <translation>专利申请号或商标注册号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yuan, e.g. 12000.00</source>
        <translation>单位：元，如 12000.00</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+201"/>
        <source>— court —</source>
        <translation>— 法院 —</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>e.g. (2026) 内0502民诉前调123号</source>
        <translation>例如：(2026) 内0502民诉前调123号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>IP right</source>
        <translation>知识产权</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right &amp;number:</source>
        <translation>权利编号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right &amp;holder:</source>
        <translation>权利人(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dispute type:</source>
        <translation>纠纷类型(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Facts and reasons:</source>
        <translation>事实和理由(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Claim:</source>
        <translation>请求事项(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount claimed:</source>
        <translation>请求金额(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>收案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hannel:</source>
        <translation>来源渠道(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referring c&amp;ourt:</source>
        <translation>委派法院(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court case n&amp;umber:</source>
        <translation>法院案号(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving &amp;station:</source>
        <translation>收案援助站(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recei&amp;ved on:</source>
        <translation>收案日期(&amp;V)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each file at most {0}.</source>
        <translation>每个文件不超过 {0}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+406"/>
        <source>Save the case (Ctrl+Enter)</source>
        <translation>保存案件（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="-377"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>— station —</source>
        <translation>— 援助站 —</translation>
    </message>
    <message>
        <location line="+287"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Cannot save yet: %n problem(s) — first: {0}</source>
        <translation>
            <numerusform>暂无法保存：共 %n 个问题，首个问题：{0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save is disabled until these are corrected:</source>
        <translation>以下问题更正之前无法保存：</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>This may be a case that is already open:</source>
        <translation>该案件可能与以下在办案件重复：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Save again to register it anyway.</source>
        <translation>如仍要登记，请再次点击“保存”。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Could not save the draft: {0}</source>
        <translation>无法保存草稿：{0}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>An unsaved case from {0} was found. Restore it?</source>
        <translation>发现一份 {0} 未保存的案件，是否恢复？</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Discard this case?</source>
        <translation>放弃此案件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The form holds input that has not been saved. Discard it?</source>
        <translation>表单中有尚未保存的内容，是否放弃？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ipdesk/ui/main_window.py" line="+185"/>
        <source>IP Rights Protection Aid and Mediation — ipdesk</source>
        <translation>知识产权维权援助调解平台 — ipdesk</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The case list will appear here.</source>
        <translation>案件列表将在此处显示。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in: {0}</source>
        <translation>当前用户：{0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next alert</source>
        <translation>下一条预警(&amp;N)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About ipdesk</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>“{0}” is not available yet.</source>
        <translation>“{0}”功能尚未启用。</translation>
    </message>
    <message>
        <location line="+228"/>
        <source>Some changes take effect when ipdesk starts again.</source>
        <translation>部分设置在 ipdesk 重新启动后生效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The log files are in:
{0}</source>
        <translation>日志文件位于：
{0}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Loading the organisation…</source>
        <translation>正在加载组织机构…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The organisation could not be loaded: {0}</source>
        <translation>组织机构加载失败：{0}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>About ipdesk</source>
        <translation>关于 ipdesk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;IP Rights Protection Aid and Mediation&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ipdesk {0}&lt;/h3&gt;&lt;p&gt;知识产权维权援助调解平台&lt;/p&gt;&lt;p&gt;数据库：{1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MediationRecordsView</name>
    <message>
        <location filename="../../ipdesk/ui/mediation_records/view.py" line="+41"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>调解情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+71"/>
        <source>Consultation meeting</source>
        <translation>会商会议</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;articipants:</source>
        <translation>参会人员(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Minutes:</source>
        <translation>会议纪要(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ObligationDelegate</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/obligations.py" line="+302"/>
        <source>(not named)</source>
        <translation>（未指明）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
</context>
<context>
    <name>ObligationsTableModel</name>
    <message>
        <location line="-215"/>
        <source>Kind</source>
        <extracomment>The date editor&apos;s lowest date stands for &quot;no performance date&quot;.</extracomment>
        <translation>条款类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obligor</source>
        <translation>义务人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obligee</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>履行内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perform by</source>
        <translation>履行期限</translation>
    </message>
</context>
<context>
    <name>OrgPage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="+302"/>
        <source>Import the organisation (optional)</source>
        <translation>导入组织机构（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use your own list of adjudication offices and aid stations.</source>
        <translation>使用本地的行政裁决所和维权援助站名单。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ipdesk starts with the organisation shipped with it. To use your own list of adjudication offices and aid stations, choose the two CSV files and import them; otherwise press Finish. An administrator can import them later too (ipdesk-admin import-org).</source>
        <translation>ipdesk 已内置一套组织机构。如需使用本地的行政裁决所和维权援助站名单，请选择两个 CSV 文件并导入；否则直接点击“完成”。系统管理员以后也可以导入（ipdesk-admin import-org）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>code,name[,region,address,phone]</source>
        <translation>代码,名称[,区域,地址,电话]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>code,name,office[,address,phone]</source>
        <translation>代码,名称,所属裁决所[,地址,电话]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>O&amp;ffices file:</source>
        <translation>裁决所文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stations file:</source>
        <translation>站点文件(&amp;S)：</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose both files: the offices and the stations.</source>
        <translation>请选择两个文件：裁决所文件和站点文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the administrator may import the organisation.</source>
        <translation>只有系统管理员可以导入组织机构。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Imported. Offices: {0} added, {1} updated, {2} retired. Stations: {3} added, {4} updated, {5} retired.</source>
        <translation>导入完成。裁决所：新增 {0} 个，更新 {1} 个，停用 {2} 个。站点：新增 {3} 个，更新 {4} 个，停用 {5} 个。</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../ipdesk/ui/org_tree.py" line="+30"/>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases being handled (not yet closed)</source>
        <translation>正在办理（尚未结案）的案件</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Open cases: %n</source>
        <translation>
            <numerusform>在办案件：%n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutcomeSpreadDialog</name>
    <message>
        <location filename="../../ipdesk/ui/similar_cases/spread.py" line="+46"/>
        <source>Outcomes of like cases</source>
        <translation>类案结果分布</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All IP types</source>
        <translation>全部知识产权类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finished between</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>IP type</source>
        <translation>知识产权类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>裁决所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With an amount</source>
        <translation>有金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest</source>
        <translation>最低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest</source>
        <translation>最高</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n finished case(s).</source>
        <translation>
            <numerusform>共 %n 件已办结案件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where like cases end differently in different offices, or their amounts lie far apart, look at the cases (each case&apos;s Like cases tab).</source>
        <translation>同类案件在不同裁决所结果不同，或金额相差悬殊时，请查看具体案件（各案件的“类案”标签页）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <location filename="../../ipdesk/ui/intake/party.py" line="+67"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name:</source>
        <translation>姓名/名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+100"/>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnicity:</source>
        <translation>民族：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>Legal representative:</source>
        <translation>法定代表人：</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Representative&apos;s title:</source>
        <translation>法定代表人职务：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Represents:</source>
        <translation>被代理人：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Party {0}: {1}</source>
        <translation>当事人{0}：{1}</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>18-digit resident ID number</source>
        <translation>18位居民身份证号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered name</source>
        <translation>登记名称</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Operator:</source>
        <translation>经营者：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Principal:</source>
        <translation>主要负责人：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The credit code does not tell for certain; please confirm.</source>
        <translation>无法从统一社会信用代码确定，请核实。</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="-388"/>
        <source>Preparing the database</source>
        <translation>正在准备数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ipdesk creates the database, or brings it up to date.</source>
        <translation>ipdesk 将创建数据库，或将其升级到最新版本。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Creating the tables and loading the reference data. This takes a moment…</source>
        <translation>正在创建数据表并载入基础数据，请稍候…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The database is ready: {0} offices and {1} aid stations.</source>
        <translation>数据库已就绪：{0} 个裁决所，{1} 个维权援助站。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next, create the administrator&apos;s account.</source>
        <translation>下一步：创建系统管理员账户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It already has an administrator: press Finish, then sign in with your account.</source>
        <translation>该数据库已有系统管理员：请点击“完成”，然后用您的账户登录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database could not be prepared: {0}</source>
        <translation>数据库准备失败：{0}</translation>
    </message>
</context>
<context>
    <name>RecordVisitDialog</name>
    <message>
        <location filename="../../ipdesk/ui/followups/record_dialog.py" line="+71"/>
        <source>Record follow-up visit</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case {0}, planned for {1}</source>
        <translation>案件{0}，计划于{1}回访</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%n / 5</source>
        <translation>
            <numerusform>%n / 5</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Date of the visit</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person visited</source>
        <translation>回访对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Performance of the agreement</source>
        <translation>协议履行情况</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next action</source>
        <translation>后续措施</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please answer every question marked in red</source>
        <translation>请回答所有标红的问题</translation>
    </message>
</context>
<context>
    <name>RemoteServerPage</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/server_page.py" line="+110"/>
        <source>Connect to the network&apos;s ipdesk server</source>
        <translation>连接网络的 ipdesk 服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the server&apos;s address and choose the certificate file (CA) of your network, both from your administrator. No database password is needed.</source>
        <translation>请输入服务器地址并选择本网络的证书文件（CA），两者均由管理员提供。无需数据库密码。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ipdesk-ca.pem</source>
        <translation>ipdesk-ca.pem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Check the connection</source>
        <translation>检查连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;CA certificate file:</source>
        <translation>CA 证书文件(&amp;C)：</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Enter the server&apos;s address as https://name-or-address:port, for example https://ipdesk.example.gov.cn:8443.</source>
        <translation>请按 https://名称或地址:端口 的格式输入服务器地址，例如 https://ipdesk.example.gov.cn:8443。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The port in the address is not a number.</source>
        <translation>地址中的端口不是数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the CA certificate file of your network.</source>
        <translation>请选择本网络的 CA 证书文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file {0} does not exist.</source>
        <translation>文件 {0} 不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} is not a certificate file (PEM) that ipdesk can use.</source>
        <translation>{0} 不是 ipdesk 可用的证书文件（PEM）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Asking the server…</source>
        <translation>正在询问服务器…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This address does not answer as an ipdesk server.</source>
        <translation>此地址上不是 ipdesk 服务器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server answers: press Finish, then sign in.</source>
        <translation>服务器已应答：请点“完成”，然后登录。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The server&apos;s certificate was not signed by this CA file: check that you chose your network&apos;s CA file and the right address.</source>
        <translation>服务器的证书不是由此 CA 文件签发的：请检查所选的是否为本网络的 CA 文件，以及地址是否正确。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server does not answer at this address. Check the address and that this computer can reach the server.</source>
        <translation>此地址上的服务器没有应答。请检查地址，以及本机能否访问服务器。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The network&apos;s CA certificate</source>
        <translation>本网络的 CA 证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+279"/>
        <source>Reset password — {0}</source>
        <translation>重设密码 — {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New password for {0} ({1}):</source>
        <translation>为 {0}（{1}）设置新密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;epeat password:</source>
        <translation>再次输入密码(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>SessionRecordDialog</name>
    <message>
        <location filename="../../ipdesk/ui/mediation_records/dialog.py" line="+38"/>
        <source>Mediation record — case {0}</source>
        <translation>调解笔录 — 案件 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediation record</source>
        <translation>调解笔录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save record</source>
        <translation>保存笔录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Who attended, e.g. the applicant Wang Wei; the respondent&apos;s agent Li Na</source>
        <translation>参加人员，如：申请人王伟；被申请人的代理人李娜</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What each side said, what was agreed or still disputed</source>
        <translation>各方陈述的意见、已达成一致或仍有争议的事项</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendees:</source>
        <translation>参加人员：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary:</source>
        <translation>调解情况：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step:</source>
        <translation>下一步工作：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A saved record cannot be changed; add a further record to correct it.</source>
        <translation>笔录保存后不能修改；如需更正，请另行补充一份笔录。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ipdesk/ui/settings/dialog.py" line="+309"/>
        <source>Settings — ipdesk</source>
        <translation>设置 — ipdesk</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ipdesk/ui/setup_wizard/wizard.py" line="+357"/>
        <source>First start — ipdesk</source>
        <translation>首次启动 — ipdesk</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/sign_in_dialog.py" line="+46"/>
        <source>Sign in — ipdesk</source>
        <translation>登录 — ipdesk</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>SimilarCasesTab</name>
    <message>
        <location filename="../../ipdesk/ui/similar_cases/tab.py" line="+49"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Office</source>
        <translation>裁决所</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount agreed</source>
        <translation>协议金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling days</source>
        <translation>办理天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alike by</source>
        <translation>相似之处</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>结果分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest</source>
        <translation>最低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (infringement found)</source>
        <translation>（认定侵权）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (infringement not found)</source>
        <translation>（认定不侵权）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No finished case like this one was found.</source>
        <translation>未找到与本案类似的已办结案件。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n like case(s).</source>
        <translation>
            <numerusform>类案 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amounts agreed: {0} to {1}, median {2}.</source>
        <translation>协议金额 {0} 至 {1}，中位数 {2}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>same right</source>
        <translation>同一权利</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same respondent</source>
        <translation>同一被申请人</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n piece(s) of the facts</source>
        <translation>
            <numerusform>事实相似 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+20"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location line="-12"/>
        <source>Finished cases of this IP type in the last %n day(s), per office:</source>
        <translation>
            <numerusform>近 %n 日本类知识产权已办结案件（按裁决所）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ipdesk/ui/adjudication/dialogs.py" line="+113"/>
        <source>Request received on:</source>
        <translation>收到请求日期：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Docketed on:</source>
        <translation>立案日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You approve the acceptance as the office&apos;s manager.</source>
        <translation>您作为裁决所负责人批准立案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+106"/>
        <source>Decided on:</source>
        <translation>决定日期：</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Officers (the first checked presides):</source>
        <translation>承办人员（第一位为主办）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declared relations:</source>
        <translation>申报的关系：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>officer&apos;s name: the relation to a party (leave empty if none)</source>
        <translation>承办人员姓名：与当事人的关系（无则不填）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An odd number of at least 3 officers. Each is checked against the parties and their agents (same name, declared relation); the check is recorded.</source>
        <translation>合议组由3名以上单数承办人员组成。系统将每名成员与当事人及其代理人比对（同名、申报的关系），并记录回避审查结果。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Defence received on:</source>
        <translation>收到答辩书日期：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gist of the defence:</source>
        <translation>答辩要点：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No defence:</source>
        <translation>未答辩：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None came within the period</source>
        <translation>答辩期内未提交答辩书</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+27"/>
        <source>Held on:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+18"/>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+26"/>
        <source>Participants:</source>
        <translation>参加人员：</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Evidence exchanged:</source>
        <translation>证据交换情况：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parties notified on:</source>
        <translation>通知当事人日期：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hearing on:</source>
        <translation>口头审理日期：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notified:</source>
        <translation>通知方式：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record:</source>
        <translation>笔录：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CNIPA case number:</source>
        <translation>无效宣告案件编号：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suspended from:</source>
        <translation>中止日期：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>Note (optional):</source>
        <translation>说明（可选）：</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Resumed on:</source>
        <translation>恢复日期：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Infringement found</source>
        <translation>认定侵权成立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infringement not found (request dismissed)</source>
        <translation>认定侵权不成立（驳回请求）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision:</source>
        <translation>处理决定：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order to stop:</source>
        <translation>责令停止的侵权行为：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons:</source>
        <translation>理由和依据：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Number (optional):</source>
        <translation>文号（可选）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You sign the decision off as the office&apos;s manager.</source>
        <translation>您作为裁决所负责人签发裁决书。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Served (how, sent, received):</source>
        <translation>送达（方式、送达日期、签收日期）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After the decision:</source>
        <translation>裁决后情况：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded on:</source>
        <translation>登记日期：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Court case number:</source>
        <translation>法院案号：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The written reminder (催告书) to perform the decision. Enforcement can be applied for if the infringer has not performed 10 days after its service.</source>
        <translation>催告当事人履行行政裁决的书面催告书。催告书送达满十日后侵权人仍未履行的，可以申请强制执行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reminder served on:</source>
        <translation>催告书送达日期：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Court:</source>
        <translation>人民法院：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applied on:</source>
        <translation>申请日期：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Served:</source>
        <translation>送达方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent on:</source>
        <translation>送达日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received on:</source>
        <translation>签收日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt signed by:</source>
        <translation>签收人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Served by:</source>
        <translation>送达人：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent:</source>
        <translation>同意：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recipient agreed to electronic service</source>
        <translation>受送达人同意电子送达</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../ipdesk/ui/templates/dialog.py" line="+114"/>
        <source>Document templates</source>
        <translation>文书模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Templates in: {0}</source>
        <translation>模板目录：{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill the template with a sample case and open it in the word processor</source>
        <translation>用示例案件填写模板，并用文字处理软件打开</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Checking the templates…</source>
        <translation>正在检查模板…</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n template(s) have errors and cannot be used.</source>
        <translation>
            <numerusform>%n 个模板有错误，无法使用。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All templates can be used.</source>
        <translation>所有模板均可使用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The templates could not be checked: {0}</source>
        <translation>无法检查模板：{0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not a case document template: not checked here.</source>
        <translation>不是案件文书模板，此处不检查。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 处错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 处警告</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The template file is missing</source>
        <translation>模板文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a readable Word document</source>
        <translation>不是有效的 Word 文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syntax error in a tag</source>
        <translation>标签语法错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag split by Word</source>
        <translation>标签被 Word 拆分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curly quotes in a tag</source>
        <translation>标签中有中文引号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-width braces</source>
        <translation>全角括号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space between braces</source>
        <translation>括号之间有空格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete tag</source>
        <translation>标签不完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text beside a paragraph tag</source>
        <translation>段落标签旁有其他文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be filled</source>
        <translation>无法填写</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Preparing the preview of {0}…</source>
        <translation>正在生成{0}的预览…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preview written to {0}</source>
        <translation>预览已保存到 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview written to {0}; no program to open it was found.</source>
        <translation>预览已保存到 {0}；未找到可打开它的程序。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No preview: {0}</source>
        <translation>无法预览：{0}</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message numerus="yes">
        <location filename="../../ipdesk/ui/scheduler.py" line="+233"/>
        <source>%n new deadline alert(s)</source>
        <translation>
            <numerusform>%n 条新的期限提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserAdminDialog</name>
    <message>
        <location filename="../../ipdesk/ui/auth/users_dialog.py" line="+72"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;New user…</source>
        <translation>新建用户(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change &amp;role…</source>
        <translation>调整角色(&amp;R)…</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+50"/>
        <location line="+76"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable {0} ({1})? They can no longer sign in until an administrator enables the account again.</source>
        <translation>确定停用 {0}（{1}）吗？停用后该用户将无法登录，直至系统管理员重新启用该账户。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Reset &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>User {0} was created.</source>
        <translation>已创建用户 {0}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} is now: {1}.</source>
        <translation>{0} 的角色现为：{1}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The password of {0} was reset.</source>
        <translation>已重设 {0} 的密码。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} can sign in again.</source>
        <translation>{0} 已启用，可以重新登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} was disabled and can no longer sign in.</source>
        <translation>{0} 已停用，不能再登录。</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <location line="-352"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change role — {0}</source>
        <translation>调整角色 — {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Office / station:</source>
        <translation>裁决所/站点(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;epeat password:</source>
        <translation>再次输入密码(&amp;E)：</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location line="-164"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office / station</source>
        <translation>裁决所/站点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked until {0}</source>
        <translation>锁定至 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/dialogs.py" line="+41"/>
        <source>Withdraw — {0}</source>
        <translation>撤回 — {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>WorkListModel</name>
    <message>
        <location filename="../../ipdesk/ui/followups/worklist.py" line="-118"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ipdesk/ui/worklists/model.py" line="+98"/>
        <source>Office</source>
        <translation>裁决所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ipdesk/ui/worklists/model.py" line="-1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serious</source>
        <translation>重大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(unassigned)</source>
        <translation>（未指派）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Overdue: the visit should have been made by {0}</source>
        <translation>已超期：应于{0}前完成回访</translation>
    </message>
    <message>
        <location filename="../../ipdesk/ui/worklists/model.py" line="-5"/>
        <source>Number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station</source>
        <translation>援助站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message numerus="yes">
        <location line="+124"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已超期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} (suspended)</source>
        <translation>{0}（中止）</translation>
    </message>
</context>
<context>
    <name>WorkListPage</name>
    <message>
        <location filename="../../ipdesk/ui/worklists/page.py" line="+104"/>
        <location line="+125"/>
        <source>All offices</source>
        <translation>全部裁决所</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Open cases only</source>
        <translation>仅未结案件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Assign mediator…</source>
        <translation>指派调解员(&amp;A)…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>My cases</source>
        <translation>我承办的案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases to assign</source>
        <translation>待指派案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My station&apos;s cases</source>
        <translation>本站点案件</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n open case(s) assigned to you</source>
        <translation>
            <numerusform>由您承办的未结案件 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n case(s) waiting for a mediator</source>
        <translation>
            <numerusform>待指派调解员的案件 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件案件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The work list could not be loaded: {0}</source>
        <translation>无法加载工作清单：{0}</translation>
    </message>
</context>
<context>
    <name>agencies</name>
    <message>
        <location filename="../../ipdesk/ui/agencies/texts.py" line="+14"/>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Procuratorate</source>
        <translation>检察院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Justice bureau</source>
        <translation>司法局</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other agency</source>
        <translation>其他机关</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Basic-level court</source>
        <translation>基层人民法院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intermediate court</source>
        <translation>中级人民法院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High court</source>
        <translation>高级人民法院</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/model.py" line="-44"/>
        <source>Handling the dispute</source>
        <translation>纠纷处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision to accept</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statement of defence</source>
        <translation>答辩</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Application for judicial confirmation</source>
        <translation>申请司法确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Court decision on confirmation</source>
        <translation>法院确认决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer to a consultation</source>
        <translation>会商答复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving the request on the respondent</source>
        <translation>送达请求书副本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice of the oral hearing</source>
        <translation>口头审理通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window to sue after the decision</source>
        <translation>裁决后起诉期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminder before enforcement</source>
        <translation>强制执行前催告</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今日届满</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due within %n day(s)</source>
        <translation>%n 日内届满</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ipdesk/app.py" line="+717"/>
        <source>Generating demo cases…</source>
        <translation>正在生成演示案件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location line="+371"/>
        <source>Demo database with %n case(s)</source>
        <translation>演示数据库：共 %n 件案件</translation>
    </message>
    <message>
        <location line="-376"/>
        <source>The demo data could not be generated: {0}</source>
        <translation>演示数据生成失败：{0}</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Opening the database {0}…</source>
        <translation>正在打开数据库 {0}…</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+97"/>
        <source>The database could not be opened:
{0}

{1}</source>
        <translation>无法打开数据库：
{0}

{1}</translation>
    </message>
    <message>
        <location line="-90"/>
        <location line="+88"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try again once the problem is solved, or choose another database in the first-start wizard.</source>
        <translation>请在问题解决后重试，或在首次启动向导中选择其他数据库。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Choose the database…</source>
        <translation>选择数据库(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <location filename="../../ipdesk/ui/auth/texts.py" line="+17"/>
        <source>Station staff</source>
        <translation>站点工作人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office manager</source>
        <translation>裁决所负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City manager</source>
        <translation>市级管理人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <location filename="../../ipdesk/ui/settings/connection_form.py" line="-173"/>
        <location line="+41"/>
        <source>The connection failed: {0}</source>
        <translation>连接失败：{0}</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Cannot reach the server {0} on port {1}: the server is not running, the port is wrong, or a firewall blocks the connection.</source>
        <translation>无法连接到服务器 {0} 的端口 {1}：服务器未运行、端口不对，或连接被防火墙阻止。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server “{0}” was not found. Check its name, or enter its IP address.</source>
        <translation>找不到服务器“{0}”。请检查服务器名称，或改填其 IP 地址。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server {0} did not answer within {1} seconds. Check the address and the network.</source>
        <translation>服务器 {0} 在 {1} 秒内没有响应。请检查地址和网络。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused the user name or the password. Check both.</source>
        <translation>服务器拒绝了用户名或密码，请检查后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database “{0}” does not exist on the server. Ask the server&apos;s administrator to create it.</source>
        <translation>服务器上不存在数据库“{0}”。请联系服务器管理员创建。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The user “{0}” may not use this database.</source>
        <translation>用户“{0}”无权使用该数据库。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the server&apos;s name or address.</source>
        <translation>请输入服务器名称或地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the name of the database.</source>
        <translation>请输入数据库名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>consultations</name>
    <message>
        <location filename="../../ipdesk/ui/consultations/model.py" line="-36"/>
        <source>Joint consultation</source>
        <translation>联席会商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crime referral</source>
        <translation>移送涉嫌犯罪线索</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Requested</source>
        <translation>已提请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <location filename="../../ipdesk/ui/dashboard/charts.py" line="-256"/>
        <source>Invention patent</source>
        <extracomment>Slices of the pie, most frequent first (colour-blind safe, after Okabe and Ito).</extracomment>
        <translation>发明专利</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Design patent</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trademark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copyright</source>
        <translation>著作权</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geographical indication</source>
        <translation>地理标志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trade secret</source>
        <translation>商业秘密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technical secret</source>
        <translation>技术秘密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Software copyright</source>
        <translation>软件著作权</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IC layout design</source>
        <translation>集成电路布图设计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plant variety</source>
        <translation>植物新品种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cases received and closed per month</source>
        <translation>每月收案与结案数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Received</source>
        <translation>收案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Handling days of the cases closed</source>
        <translation>已结案件办理天数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed cases</source>
        <translation>已结案件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Handling days, in bins of %n day(s); suspensions not counted</source>
        <translation>办理天数（每组 %n 日），不含中止期间</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Limit: %n day(s)</source>
        <translation>期限：%n 日</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Overdue cases by office</source>
        <translation>各裁决所超期案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} {1}: %n overdue case(s)</source>
        <translation>{0} {1}：已超期案件 %n 件</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0}: %n case(s)</source>
        <translation>{0}：%n 件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IP types of the cases received</source>
        <translation>收案知识产权类型</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Other types</source>
        <translation>其他类型</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <location filename="../../ipdesk/ui/desk.py" line="+296"/>
        <source>Not done</source>
        <translation>未能办理</translation>
    </message>
</context>
<context>
    <name>features</name>
    <message>
        <location filename="../../ipdesk/ui/features.py" line="+178"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>&amp;Import ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Deadlines</source>
        <translation>期限看板</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Deadline board: {0}</source>
        <translation>期限看板：{0}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow-up visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Follow-up &amp;policy…</source>
        <translation>回访规则(&amp;P)…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Case {0} registered</source>
        <translation>案件 {0} 已登记</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Dashboard: {0}</source>
        <translation>仪表盘：{0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Report of %n case(s) exported to {0}</source>
        <translation>已导出 %n 件案件的报表：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chart saved to {0}</source>
        <translation>图表已保存至 {0}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Case {0} assigned to {1}</source>
        <translation>案件 {0} 已指派给 {1}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Holiday calendar…</source>
        <translation>节假日日历(&amp;H)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alerts</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No alert is waiting to be acknowledged.</source>
        <translation>没有待确认的期限提醒。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../ipdesk/ui/refusals.py" line="+1207"/>
        <source>The date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The visit date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The return date</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The application date</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date sent</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The meeting date</source>
        <translation>会商日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answer date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The suspension&apos;s start date</source>
        <translation>中止开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The resumption date</source>
        <translation>恢复日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The court&apos;s acceptance date</source>
        <translation>法院受理日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extension&apos;s approval date</source>
        <translation>延长批准日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ruling date</source>
        <translation>裁定日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The person visited</source>
        <translation>受访人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agency code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The subject</source>
        <translation>会商事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The questions</source>
        <translation>需会商的问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The participants</source>
        <translation>参会单位及人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The minutes</source>
        <translation>会商纪要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The opinion</source>
        <translation>答复意见</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The facts</source>
        <translation>主要事实和争议事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>followups</name>
    <message>
        <location filename="../../ipdesk/ui/followups/record_dialog.py" line="-127"/>
        <source>Visit in person</source>
        <translation>上门回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>网络回访</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fully performed</source>
        <translation>已全部履行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partly performed</source>
        <translation>部分履行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not performed</source>
        <translation>未履行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No agreement to check</source>
        <translation>无调解协议</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ipdesk/ui/intake/labels.py" line="+17"/>
        <source>Invention patent</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utility model patent</source>
        <translation>实用新型专利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design patent</source>
        <translation>外观设计专利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trademark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copyright</source>
        <translation>著作权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer software copyright</source>
        <translation>计算机软件著作权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geographical indication</source>
        <translation>地理标志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trade secret</source>
        <translation>商业秘密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical secret</source>
        <translation>技术秘密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IC layout design</source>
        <translation>集成电路布图设计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant variety</source>
        <translation>植物新品种</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Infringement</source>
        <translation>侵权纠纷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ownership</source>
        <translation>权属纠纷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>合同纠纷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfair competition</source>
        <translation>不正当竞争</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Walk-in</source>
        <translation>现场来访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>网上申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court referral</source>
        <translation>法院委派/委托</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>法人或其他组织</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediating</source>
        <translation>调解中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement reached</source>
        <translation>已达成协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation requested</source>
        <translation>已申请司法确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>已司法确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation denied</source>
        <translation>确认被驳回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjudicated</source>
        <translation>已作出行政裁决</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>即将届满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not accepted yet</source>
        <translation>尚未受理</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ipdesk/ui/messages.py" line="+32"/>
        <source>The database is busy: another program is writing. Nothing changed; try again.</source>
        <extracomment>The colour of a message that says something went wrong (next to a field, in a bar).</extracomment>
        <translation>数据库正被其他程序写入，本次操作未作任何改动，请稍后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database error: {0}</source>
        <translation>数据库错误：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error: {0}</source>
        <translation>发生意外错误：{0}</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../ipdesk/ui/network.py" line="+63"/>
        <source>ipdesk server</source>
        <translation>ipdesk 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ipdesk server at {0} cannot be used:
{1}</source>
        <translation>无法使用位于 {0} 的 ipdesk 服务器：
{1}</translation>
    </message>
</context>
<context>
    <name>obligations</name>
    <message>
        <location filename="../../ipdesk/ui/agreement/obligations.py" line="+155"/>
        <source>Payment</source>
        <translation>支付款项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destruction of stock</source>
        <translation>销毁库存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removal of listings</source>
        <translation>下架删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apology</source>
        <translation>赔礼道歉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refraining (standing undertaking)</source>
        <translation>不作为（停止并不再实施）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../ipdesk/ui/operations.py" line="+69"/>
        <source>Consultations</source>
        <translation>联席会商</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+6"/>
        <source>Partner &amp;agencies…</source>
        <translation>协作单位(&amp;A)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Outcomes of like cases…</source>
        <translation>类案结果分布(&amp;O)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Document &amp;templates…</source>
        <translation>文书模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Verify audit trail…</source>
        <translation>校验审计记录(&amp;V)…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Daily backup saved: {0}</source>
        <translation>每日备份已保存：{0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The daily backup failed: {0}</source>
        <translation>每日备份失败：{0}</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <location filename="../../ipdesk/ui/refusals.py" line="-1206"/>
        <source>Term {item}: {text}</source>
        <translation>第{item}项条款：{text}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The operation was refused.</source>
        <translation>操作未被接受</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The input is not valid.</source>
        <translation>输入的内容不正确</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several entries are not valid.</source>
        <translation>多项输入的内容不正确</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>This cannot be done in the case&apos;s current state.</source>
        <translation>案件当前的状态不允许此操作</translation>
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
        <location line="+2"/>
        <source>The server does not accept this request (is the program up to date?).</source>
        <translation>服务器不接受此请求（程序是否为最新版本？）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request or its answer was damaged on the way.</source>
        <translation>请求或其应答在传输中损坏。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server cannot be reached. Nothing was lost: your input is still here; try again when the connection is back.</source>
        <translation>无法连接服务器。没有丢失任何内容：您输入的内容仍在；连接恢复后请重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation>您的登录已结束，请重新登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A page of the case list holds 1 to 1,000 rows.</source>
        <translation>案件列表每页为 1 至 1,000 行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A search by a whole ID number is recorded first; search again.</source>
        <translation>按完整身份证号检索须先记入审计日志，请重新检索。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not available when working through a server.</source>
        <translation>通过服务器工作时不能使用此功能。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This kind of database is not supported (use SQLite or PostgreSQL).</source>
        <translation>不支持该数据库类型（可用 SQLite 或 PostgreSQL）</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>Audit records can only be added, never changed or deleted.</source>
        <translation>审计记录只能追加，不能修改或删除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>已取消导出，未写入文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document cannot be generated yet: some of the case&apos;s facts are missing.</source>
        <translation>案件信息不全，暂时无法生成该文书</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The document template has errors.</source>
        <translation>文书模板有错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LibreOffice is not installed, so no PDF can be made; install LibreOffice or save as PDF in Word.</source>
        <translation>未安装 LibreOffice，无法导出 PDF；请安装 LibreOffice，或在 Word 中另存为 PDF</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>LibreOffice could not convert the document to PDF.</source>
        <translation>LibreOffice 未能将文书转换为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document file could not be written or read.</source>
        <translation>无法读写文书文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file could not be stored in or read from the database.</source>
        <translation>无法在数据库中保存或读取该文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file “{name}” is larger than the limit.</source>
        <translation>文件“{name}”超过大小上限。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The content of “{name}” is not in the database (a file of an earlier version that was not imported yet); tell the administrator.</source>
        <translation>“{name}”的内容不在数据库中（旧版本的文件尚未导入），请告知管理员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The content of “{name}” in the database is damaged (it does not match its recorded checksum); tell the administrator.</source>
        <translation>数据库中“{name}”的内容已损坏（与登记的校验值不符），请告知管理员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file “{name}” changed while it was being saved; choose it again.</source>
        <translation>文件“{name}”在保存过程中被改动，请重新选择。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup or restore failed.</source>
        <translation>备份或恢复失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is not an ipdesk backup.</source>
        <translation>该文件不是 ipdesk 的备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup was made by a newer version of ipdesk.</source>
        <translation>该备份由更新版本的 ipdesk 创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup copy failed its integrity check.</source>
        <translation>备份副本未通过完整性检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file already exists: {path}</source>
        <translation>文件已存在：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database roles apply to PostgreSQL only.</source>
        <translation>数据库角色仅适用于 PostgreSQL。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database roles cannot be set up like this.</source>
        <translation>无法这样设置数据库角色。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong passwords: the account is locked. Try again in %n minute(s).</source>
        <translation>密码错误次数过多，账户已锁定，请 %n 分钟后再试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This account has been disabled. Please ask an administrator.</source>
        <translation>此账户已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your account, role or unit has changed. Please sign in again.</source>
        <translation>您的账户、角色或所属单位已变更，请重新登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An administrator already exists. Sign in with that account.</source>
        <translation>系统管理员已存在，请使用该账户登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The password must have at least %n characters.</source>
        <translation>密码至少需要 %n 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is too long.</source>
        <translation>密码过长。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password must not consist of digits only.</source>
        <translation>密码不能全部是数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password contains characters that cannot be saved.</source>
        <translation>密码含有无法保存的字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No password was given.</source>
        <translation>没有提供密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name.</source>
        <translation>用户名须为 2–64 个字母、数字或“.”“_”“-”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This user name is already taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name is too long.</source>
        <translation>姓名过长。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>The name contains control characters.</source>
        <translation>名称含有控制字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station staff need a station.</source>
        <translation>站点工作人员必须指定所属站点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediators and office managers need an office.</source>
        <translation>调解员和裁决所负责人必须指定所属裁决所。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen office or station does not fit the role.</source>
        <translation>所选裁决所或站点与角色不符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station does not exist or is no longer active.</source>
        <translation>站点不存在或已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office does not exist or is no longer active.</source>
        <translation>裁决所不存在或已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the last active administrator: it must stay.</source>
        <translation>这是最后一个启用的系统管理员账户，必须保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This mediator still handles %n open case(s). Reassign them first.</source>
        <translation>该调解员仍承办 %n 件在办案件，请先改派。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The user (no. {user_id}) does not exist.</source>
        <translation>用户（编号 {user_id}）不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user “{username}” does not exist.</source>
        <translation>用户“{username}”不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role ({role}) does not permit this operation.</source>
        <translation>当前角色（{role}）无权执行此操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role ({role}) does not permit this operation on case {case}.</source>
        <translation>当前角色（{role}）无权对案件 {case} 执行此操作</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is outside your area.</source>
        <translation>案件 {case} 不在您的管辖范围内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not see the parties&apos; full personal data.</source>
        <translation>您无权查看当事人的完整个人信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case (no. {case_id}) does not exist.</source>
        <translation>案件（编号 {case_id}）不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case {case} does not exist.</source>
        <translation>案件 {case} 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text contains control characters that cannot be saved (NUL or a lone surrogate).</source>
        <translation>输入的文字含有无法保存的控制字符（NUL 或孤立代理项）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case {case} is “{status}”: “{action}” is not possible in this state.</source>
        <translation>案件 {case} 当前为“{status}”，不能{action}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is suspended (its clock is stopped): resume it before “{action}”.</source>
        <translation>案件 {case} 处于中止状态（期限暂停计算），请先恢复后再{action}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is not suspended: “{action}” is not possible.</source>
        <translation>案件 {case} 未中止，不能{action}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You are not the mediator of case {case}; the office manager assigns mediators.</source>
        <translation>您不是案件 {case} 的承办调解员，请由裁决所负责人指派</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} has been accepted: its mediator corrects it.</source>
        <translation>案件 {case} 已受理，请由承办调解员更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please give the reason.</source>
        <translation>请填写理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text cannot be longer than %n characters.</source>
        <translation>内容不能超过 %n 个字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text contains control characters.</source>
        <translation>内容含有控制字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} cannot be later than today.</source>
        <translation>{what}不能晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} cannot be earlier than {earliest}.</source>
        <translation>{what}不能早于 {earliest}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is not a valid date.</source>
        <translation>{what}无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+869"/>
        <source>{what} is required.</source>
        <translation>请填写{what}</translation>
    </message>
    <message>
        <location line="-866"/>
        <location line="+556"/>
        <source>The text is too long (at most %n characters).</source>
        <translation>内容过长（最多 %n 个字符）</translation>
    </message>
    <message>
        <location line="-554"/>
        <source>“{court}” is not a registered court.</source>
        <translation>“{court}”不是已登记的人民法院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose the court.</source>
        <translation>请选择人民法院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an active mediator of this office can be assigned to case {case}.</source>
        <translation>只能指派本裁决所在职的调解员承办案件 {case}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is already handled by {mediator}.</source>
        <translation>案件 {case} 已由 {mediator} 承办</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case {case} is already handled by {office_name}.</source>
        <translation>案件 {case} 已由{office_name}办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station “{station}” does not belong to {office_name}.</source>
        <translation>站点“{station}”不属于{office_name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The office code “{office}” does not exist.</source>
        <translation>裁决所代码“{office}”不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office is outside your area.</source>
        <translation>所选裁决所不在您的管辖范围内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station is outside your area.</source>
        <translation>所选站点不在您的管辖范围内</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Rows per page must be between 1 and {max}.</source>
        <translation>每页 1–{max} 行</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The start position cannot be negative.</source>
        <translation>起始位置不能为负数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case {case} is already suspended; resume it first.</source>
        <translation>案件 {case} 已中止，请先恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The suspension cannot start before the acceptance date {accepted_on}.</source>
        <translation>中止开始日期不能早于受理日期 {accepted_on}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The suspension cannot start before the last resumption on {last_end}.</source>
        <translation>中止开始日期不能早于上次恢复日期 {last_end}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resumption date cannot be before the suspension&apos;s start {start_on}.</source>
        <translation>恢复日期不能早于中止开始日期 {start_on}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The time limit of case {case} ran out on {due}: it can no longer be suspended or extended.</source>
        <translation>案件 {case} 的期限已于 {due} 届满，不能再中止或延长</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case {case} is not suspended.</source>
        <translation>案件 {case} 未处于中止状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extension must be a positive whole number of days.</source>
        <translation>延长天数必须为正整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The time limit including extensions cannot exceed %n days.</source>
        <translation>期限连同延长不得超过 %n 天</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case {case} is “{status}”: only accepted cases, cases in mediation and cases with an agreement can be suspended, resumed or extended.</source>
        <translation>案件 {case} 当前为“{status}”，不能中止、恢复或延长处理期限：只有已受理、调解中或已达成调解协议的案件可以</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No time-limit rule is configured.</source>
        <translation>未配置处理期限规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A time limit must be at least one day.</source>
        <translation>期限天数至少为 1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extension cannot be negative.</source>
        <translation>延长天数不能为负数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date is outside the range that can be computed.</source>
        <translation>日期超出可计算范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A suspension ends before it starts.</source>
        <translation>中止结束日期早于开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only office managers and city managers can see the deadline board.</source>
        <translation>只有裁决所负责人和市级管理人员可以查看期限看板</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only office managers and city managers can see the statistics.</source>
        <translation>只有裁决所负责人和市级管理人员可以查看统计分析</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown statistics unit: {level}</source>
        <translation>未知的统计单位：{level}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The statistics unit has no number.</source>
        <translation>统计单位缺少编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The period ends before it begins.</source>
        <translation>统计期间的结束日期早于开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Due soon” must be between 0 and 366 days.</source>
        <translation>“即将到期”的天数应在0到366之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen station does not belong to the chosen office.</source>
        <translation>所选站点不属于所选裁决所</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown figure: {figure}</source>
        <translation>未知的统计项：{figure}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many search words (at most %n).</source>
        <translation>搜索词过多（最多 %n 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{year}-{month} has not begun yet.</source>
        <translation>{year}年{month}月尚未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown deadline state “{state}”.</source>
        <translation>无效的期限状态“{state}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown sort order “{key}”.</source>
        <translation>无效的排序“{key}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown status “{value}”.</source>
        <translation>无效的状态“{value}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The IP type is not valid.</source>
        <translation>知识产权类型无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office code does not exist.</source>
        <translation>裁决所代码不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station code does not exist or is no longer active.</source>
        <translation>站点代码不存在或已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agency (no. {agency_id}) does not exist.</source>
        <translation>单位（编号 {agency_id}）不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agency (no. {agency_id}) is no longer active.</source>
        <translation>单位（编号 {agency_id}）已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agency (no. {agency_id}) does not exist or is no longer active.</source>
        <translation>单位（编号 {agency_id}）不存在或已停用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agency code may contain only letters, digits, hyphens and underscores.</source>
        <translation>单位代码只能包含字母、数字、短横线和下划线</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agency code “{agency_code}” is already used by “{agency}”.</source>
        <translation>单位代码“{agency_code}”已被“{agency}”使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose one of the kinds offered.</source>
        <translation>类别不在可选范围内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the court&apos;s level (basic, intermediate or high people&apos;s court).</source>
        <translation>请选择法院级别（基层、中级或高级人民法院）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The court&apos;s level must be basic, intermediate or high people&apos;s court.</source>
        <translation>法院级别应为基层、中级或高级人民法院</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only people&apos;s courts have a court level.</source>
        <translation>只有人民法院需要填写法院级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert {alert} does not exist.</source>
        <translation>提醒 {alert} 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The alerts of case {case} are not yours to handle.</source>
        <translation>案件 {case} 的提醒不由您处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This alert of case {case} was withdrawn (the time limit changed).</source>
        <translation>案件 {case} 的该条提醒已撤回（期限已变化）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sample share must be greater than 0 and at most 1.</source>
        <translation>抽样比例应大于0且不超过1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sample share may have at most three decimal places.</source>
        <translation>抽样比例最多保留三位小数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sample share must be a number.</source>
        <translation>抽样比例应为数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an administrator can change the follow-up rules.</source>
        <translation>只有系统管理员可以修改回访规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station staff do not make follow-up visits.</source>
        <translation>站点工作人员不负责回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown case category: {category}</source>
        <translation>未知的案件类别：{category}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits per year must be a whole number from 0 to {max}.</source>
        <translation>每年回访次数应为0到{max}之间的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first visit must be 0 to {max} days after closing.</source>
        <translation>首次回访时间应为结案后0到{max}日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up visit {visit} does not exist.</source>
        <translation>回访 {visit} 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up visit {visit} does not exist or is not yours.</source>
        <translation>回访 {visit} 不存在或不由您负责</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The follow-up visits of case {case} are not yours.</source>
        <translation>案件 {case} 的回访不由您负责</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This follow-up visit of case {case} is no longer planned.</source>
        <translation>案件 {case} 的该次回访已不在计划中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} has been reopened; its follow-up plan no longer applies.</source>
        <translation>案件 {case} 已重新打开，回访计划已失效</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose fully performed, partly performed or not performed.</source>
        <translation>履行情况应为全部履行、部分履行或未履行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satisfaction must be a whole number from 1 to 5.</source>
        <translation>满意度应为1到5的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The visit must be in person, by phone or online.</source>
        <translation>回访方式应为上门、电话或网络</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The visit date cannot be before the closing date {closed_on}.</source>
        <translation>回访日期不能早于结案日期 {closed_on}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is “{status}”: the office manager must reopen it first.</source>
        <translation>案件 {case} 当前为“{status}”，请先由裁决所负责人重新打开</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A crime referral has no consultation meeting: record the procuratorate&apos;s answer directly.</source>
        <translation>移送涉嫌犯罪线索不召开会商会议，请直接登记检察院的反馈意见</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The request to {agency} is no longer open.</source>
        <translation>{agency}的会商请求已不再进行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some agencies have not answered: {agencies}. Record their opinions or withdraw the requests first.</source>
        <translation>尚有单位未答复：{agencies}；请登记其意见或撤回对其的请求后再办结</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please enter the minutes (each agency&apos;s opinion and the conclusion).</source>
        <translation>请填写会商纪要（各单位意见和会商结论）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The consultation (no. {consultation_id}) does not exist.</source>
        <translation>联席会商（编号 {consultation_id}）不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This consultation is closed or withdrawn.</source>
        <translation>该会商已办结或已撤回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The consultation request (no. {request_id}) does not exist.</source>
        <translation>会商请求（编号 {request_id}）不存在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please choose the receiving agencies.</source>
        <translation>请选择接收的单位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most %n agencies per request.</source>
        <translation>一次最多向 %n 个单位发出请求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kind must be a joint consultation or a crime referral.</source>
        <translation>类别应为联席会商或移送涉嫌犯罪线索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Crime referrals go only to procuratorates; these are not: {agencies}</source>
        <translation>涉嫌犯罪线索只能移送人民检察院，{agencies}不是检察院</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The amount must be a number, such as 12000 or 12000.50.</source>
        <translation>金额格式不正确（如 12000 或 12000.50）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount can have at most two decimal places (fen).</source>
        <translation>金额最多保留两位小数（到分）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount is too large.</source>
        <translation>金额过大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case {case} is “{status}”: the agreement can be changed only until the application for confirmation.</source>
        <translation>案件 {case} 当前为“{status}”，不能修改调解协议：只有尚未申请司法确认的案件才能修改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The agreement of case {case} has not been recorded yet.</source>
        <translation>案件 {case} 尚未登记调解协议的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else changed the agreement of case {case}; your changes were not saved. Refresh and try again.</source>
        <translation>案件 {case} 的调解协议已被他人修改，您的修改未保存；请刷新后重试</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case {case} was not referred by a court: there is nothing to return.</source>
        <translation>案件 {case} 不是人民法院委派（委托）调解的案件，无需退回法院</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is “{status}”: it can be returned to the court only after the mediation has ended.</source>
        <translation>案件 {case} 当前为“{status}”，调解尚未结束，不能登记退回法院</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case {case} was returned to the court on {returned_on}.</source>
        <translation>案件 {case} 已于 {returned_on} 登记退回法院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A case referred by a court needs the court&apos;s case number.</source>
        <translation>法院委派的案件须填写法院案号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The court&apos;s case number cannot be longer than 60 characters.</source>
        <translation>法院案号不能超过 60 个字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The court case number must read (year), the court&apos;s code, the type, the serial number and 号, e.g. {example}.</source>
        <translation>案号格式不正确，应为（年份）法院代字、类型代字、序号和“号”，如{example}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Court case numbers abbreviate the province as {right}, not {wrong} (e.g. {example}).</source>
        <translation>案号中的省级简称应为“{right}”而不是“{wrong}”（如{example}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The court code {found} in the case number is not that of {court_name} ({expected}).</source>
        <translation>案号中的法院代字“{found}”不是{court_name}的代字“{expected}”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The case number&apos;s type must be {expected}, not {found}.</source>
        <translation>案号的类型代字应为“{expected}”，而不是“{found}”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The court&apos;s case-number code is the province&apos;s abbreviation and the division digits, e.g. 内05 or 内0502.</source>
        <translation>法院代字应为省级简称加行政区划数字，如内05、内0502。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only a court has a case-number code.</source>
        <translation>只有人民法院有案号代字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose pre-litigation or in-litigation court mediation (the case number does not tell).</source>
        <translation>请选择诉前委派调解或诉中委托调解（无法从案号判断）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The referral must be pre-litigation or in-litigation mediation.</source>
        <translation>调解方式应为诉前委派调解或诉中委托调解</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please enter the date the agreement was signed.</source>
        <translation>请填写调解协议的签订日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signing date cannot be later than today.</source>
        <translation>签订日期不能晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signing date cannot be before the acceptance date ({accepted_on}).</source>
        <translation>签订日期不能早于受理日期（{accepted_on}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The effective date cannot be later than today.</source>
        <translation>生效日期不能晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The effective date cannot be before the signing date ({signed}).</source>
        <translation>生效日期不能早于签订日期（{signed}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agreement needs at least one term (who performs what for whom, how much, by when).</source>
        <translation>调解协议至少应有一项协议条款（由谁向谁履行什么、金额多少、何时履行）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An agreement can have at most %n terms.</source>
        <translation>协议条款不能超过 %n 项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Term {item} does not belong to this agreement; refresh and try again.</source>
        <translation>第{item}项条款不属于本协议，请刷新后重试</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Term {item}: please describe what is to be performed.</source>
        <translation>第{item}项条款：请填写履行内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Term {item}: the description cannot be longer than {max} characters.</source>
        <translation>第{item}项条款：履行内容不能超过 {max} 个字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Term {item}: choose what kind of term it is.</source>
        <translation>第{item}项条款：请选择条款类型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Term {item} is unclear: a one-off obligation needs the date by which it is performed.</source>
        <translation>第{item}项条款内容不明确：一次性履行的义务须写明在何日前履行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Term {item} is unclear: enter the amount to be paid.</source>
        <translation>第{item}项条款内容不明确：请填写支付的金额。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Term {item} is unclear: choose the party to whom it is paid, delivered or apologised.</source>
        <translation>第{item}项条款内容不明确：请选择权利人（向谁支付、交付或赔礼道歉）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Term {item}: choose the party who owes it.</source>
        <translation>第{item}项条款：请选择履行义务的当事人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Term {item}: the party is not a party of this case (an agent cannot owe or receive).</source>
        <translation>第{item}项条款：该当事人不是本案的当事人（代理人不能作为义务人或权利人）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Term {item}: the obligor and the obligee cannot be the same party.</source>
        <translation>第{item}项条款：义务人和权利人不能是同一当事人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Term {item}: the due date cannot be before the signing date ({signed}).</source>
        <translation>第{item}项条款：履行期限不能早于协议签订日期（{signed}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agreement of case {case} has no effective date yet: confirmation cannot be applied for.</source>
        <translation>案件 {case} 的调解协议尚未生效（未登记生效日期），不能申请司法确认</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The time for applying for confirmation ran out on {due} (the agreement took effect on {effective}; the parties have 30 days). The parties can sue on the agreement&apos;s performance or content.</source>
        <translation>申请司法确认的期限已于 {due} 届满：调解协议自 {effective} 生效，当事人应当自生效之日起三十日内申请，不能再申请司法确认。当事人可以就调解协议的履行或者内容向人民法院提起诉讼。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirm that the parties have been told of the warnings before applying.</source>
        <translation>如当事人仍坚持申请，请确认已告知后再提交</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{court_name} has no ground of jurisdiction over the confirmation for this case; apply to: {court_names}</source>
        <translation>{court_name}对本案的司法确认申请没有管辖依据，应当向以下人民法院提出：{court_names}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No registered court has a ground of jurisdiction over case {case}; the administrator must complete the courts&apos; levels and regions.</source>
        <translation>已登记的人民法院中没有对案件 {case} 有管辖依据的法院：请系统管理员在协作单位中补充人民法院的级别和所在区域</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The court&apos;s acceptance of case {case} on {accepted_on} is already recorded.</source>
        <translation>案件 {case} 已登记法院于 {accepted_on} 受理</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The court&apos;s acceptance of case {case} is not recorded yet, so its limit cannot be extended.</source>
        <translation>案件 {case} 尚未登记法院受理日期，不能延长法院的审查期限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The court&apos;s limit for case {case} was already extended; it can be extended only once (10 days).</source>
        <translation>案件 {case} 的法院审查期限已延长过，只能经院长批准延长一次（10日）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case {case} has no application for confirmation awaiting the court&apos;s decision.</source>
        <translation>案件 {case} 没有待法院决定的司法确认申请</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The application date cannot be before the agreement took effect ({effective}).</source>
        <translation>申请日期不能早于调解协议生效日期（{effective}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the ruling&apos;s case number, such as （2026）内0502民特12号.</source>
        <translation>请填写民事裁定书的案号，如（2026）内0502民特12号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The ruling number cannot be longer than 60 characters.</source>
        <translation>裁定书案号不能超过 60 个字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The court&apos;s decision must be “confirmed valid” or “application dismissed”.</source>
        <translation>法院决定应为确认调解协议有效或驳回申请</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station staff cannot generate case documents; the office&apos;s mediator does.</source>
        <translation>站点工作人员不能生成案件文书，请由裁决所调解员生成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is not assigned to you: only its mediator generates documents.</source>
        <translation>案件 {case} 未指派给您，只有承办调解员可以生成文书</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Documents carry the parties&apos; full identity data, which you may not see.</source>
        <translation>文书载有当事人的完整身份信息，您没有查看个人信息的权限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document {document_id} does not exist.</source>
        <translation>文书 {document_id} 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document file does not exist: {path}</source>
        <translation>文书文件不存在：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document file has been changed and no longer matches its recorded checksum: {path}</source>
        <translation>文书文件已被改动，与登记的校验值不符：{path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The output file must end in .docx or .pdf: {path}</source>
        <translation>输出文件应为 .docx 或 .pdf：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else has just generated this document; try again.</source>
        <translation>该文书刚由他人生成，请重试</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The date received is required.</source>
        <translation>收到日期不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date received is not a date (e.g. 2026-11-27).</source>
        <translation>收到日期格式不正确（如2026-11-27）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date received cannot be later than today.</source>
        <translation>收到日期不能晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date received cannot be before 1 January 2000.</source>
        <translation>收到日期不能早于2000年1月1日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose the receiving station.</source>
        <translation>请选择接收站点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can register only cases received by stations in your own area.</source>
        <translation>只能登记本人所属范围内站点收到的案件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please choose the IP type.</source>
        <translation>请选择知识产权类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trademark registration number is required.</source>
        <translation>商标注册号不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The right number is too long or contains invalid characters.</source>
        <translation>权利号过长或含有无效字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The dispute type is not valid.</source>
        <translation>纠纷类型无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The channel is not valid.</source>
        <translation>来源方式无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case category is not valid.</source>
        <translation>案件类别无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The facts and reasons are required.</source>
        <translation>事实与理由不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The claims are required.</source>
        <translation>请求事项不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The court code does not exist.</source>
        <translation>法院代码不存在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The text contains invisible control characters.</source>
        <translation>含有不可见的控制字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least one applicant is required.</source>
        <translation>至少需要一名申请人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least one respondent is required.</source>
        <translation>至少需要一名被申请人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many parties (at most %n).</source>
        <translation>当事人过多（最多 %n 位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The party&apos;s role must be applicant, respondent, third party or agent.</source>
        <translation>当事人身份无效（应为申请人、被申请人、第三人或代理人）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+75"/>
        <source>The party must be a person or an organisation.</source>
        <translation>当事人类型应为自然人或组织</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The name is required.</source>
        <translation>姓名/名称不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Same ID number as party {other}.</source>
        <translation>与第{other}位当事人的证件号相同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The party this agent represents is not valid.</source>
        <translation>代理人所代理的当事人无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an agent can represent another party.</source>
        <translation>只有代理人才能代理其他当事人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attachment “{name}” cannot be found.</source>
        <translation>找不到附件文件“{name}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attachment “{name}” is {size}, more than the limit of {limit}.</source>
        <translation>附件“{name}”大小为{size}，超过上限{limit}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment “{name}” has the same content as attachment {other}.</source>
        <translation>附件“{name}”与第{other}个附件内容相同</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment “{name}” cannot be read.</source>
        <translation>无法读取附件“{name}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ID number is required.</source>
        <translation>身份证号不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A resident ID number has 18 characters.</source>
        <translation>身份证号应为18位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first 17 characters of an ID number are digits; the last is a digit or X.</source>
        <translation>身份证号前17位应为数字，最后一位为数字或X</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The ID number&apos;s check digit is wrong.</source>
        <translation>身份证号校验位错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The birth date in the ID number is not valid.</source>
        <translation>身份证号中的出生日期无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first 6 digits of the ID number are not a known area code; please check.</source>
        <translation>身份证号前6位不是已知的行政区划代码，请核对</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The unified social credit code is required.</source>
        <translation>统一社会信用代码不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A unified social credit code has 18 characters.</source>
        <translation>统一社会信用代码应为18位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The unified social credit code contains invalid characters (I, O, Z, S and V are not used).</source>
        <translation>统一社会信用代码含有无效字符（不使用I、O、Z、S、V）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Characters 3 to 8 of the unified social credit code must be digits (the area code).</source>
        <translation>统一社会信用代码第3至8位应为数字（行政区划码）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The first two characters of the unified social credit code are not a registration authority and category of the national standard.</source>
        <translation>统一社会信用代码前两位不是国家标准规定的登记管理部门和机构类别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The unified social credit code&apos;s check character is wrong.</source>
        <translation>统一社会信用代码校验位错误</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The organisation code inside the unified social credit code has a wrong check character; please check.</source>
        <translation>统一社会信用代码中的组织机构代码校验位不符，请核对</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The patent application number is required.</source>
        <translation>专利申请号不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patent application number is not in the right form (e.g. 200310102344.5).</source>
        <translation>专利申请号格式不正确（如200310102344.5）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The patent type digit of the application number is not valid (1, 2, 3, 8 or 9).</source>
        <translation>专利申请号中的专利类型位无效（应为1、2、3、8或9）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The year in the patent application number is not valid.</source>
        <translation>专利申请号中的年份无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patent application number&apos;s check digit is wrong.</source>
        <translation>专利申请号校验位错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The application number&apos;s patent type does not match the chosen patent type.</source>
        <translation>专利申请号的类型与所选专利类型不符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A trademark registration number has at most 8 digits.</source>
        <translation>商标注册号应为不超过8位的数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The phone number is required.</source>
        <translation>电话号码不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The phone number is not valid (mobiles have 11 digits, landlines need the area code).</source>
        <translation>电话号码格式不正确（手机11位，座机需带区号）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please enter the date of the mediation session.</source>
        <translation>请填写调解日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session date is not a date (e.g. 2026-11-27).</source>
        <translation>调解日期格式不正确（如2026-11-27）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session date cannot be later than today.</source>
        <translation>调解日期不能晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session date cannot be before the date the application was received ({earliest}).</source>
        <translation>调解日期不能早于收到申请的日期（{earliest}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please enter the place.</source>
        <translation>请填写调解地点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter who attended.</source>
        <translation>请填写参加人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter what was said and agreed.</source>
        <translation>请填写调解情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The year must be between {first} and {last}.</source>
        <translation>年份应在 {first}–{last} 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit trail could not be written or checked.</source>
        <translation>无法写入或核对审计记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been changed.</source>
        <translation>没有需要更正的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The party (no. {party_id}) does not belong to this case.</source>
        <translation>当事人（编号 {party_id}）不属于本案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is not a kind of evidence file that may be opened; for safety it is not opened.</source>
        <translation>文件“{name}”不是允许打开的证据类型，为安全起见不予打开</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The text contains zero-width or text-direction characters.</source>
        <translation>含有零宽字符或文字方向控制字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment “{name}” has the same content as the case&apos;s evidence “{other}”.</source>
        <translation>附件“{name}”与本案已有的证据“{other}”内容相同</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment “{name}” is not an allowed kind of evidence file (allowed: {allowed}).</source>
        <translation>附件“{name}”不是允许的证据文件类型（可用：{allowed}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The attachment&apos;s file name is too long ({length} characters, at most {limit}).</source>
        <translation>附件的文件名过长（{length}个字符，最多{limit}个字符）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please choose the evidence files to add.</source>
        <translation>请选择要补充的证据文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup&apos;s signature is wrong: the file has been changed since it was made.</source>
        <translation>备份的签名不符：该文件在备份后已被改动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup is not signed, so it cannot be trusted.</source>
        <translation>备份没有签名，无法确认其可信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup was signed with a key this computer does not have.</source>
        <translation>备份所用的签名密钥不在本机上</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup signing key is missing or not valid.</source>
        <translation>备份签名密钥缺失或无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target database is not empty; nothing was changed.</source>
        <translation>目标数据库不是空的，未作改动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case {case} has not entered administrative adjudication.</source>
        <translation>案件 {case} 未进入行政裁决程序。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The adjudication of case {case} is not at a step where this can be done.</source>
        <translation>案件 {case} 的行政裁决程序当前阶段不能进行此操作。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You are not an officer of the panel of case {case}.</source>
        <translation>您不是案件 {case} 的合议组成员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case {case} is not a patent-infringement dispute: only those can be adjudicated.</source>
        <translation>案件 {case} 不是专利侵权纠纷，不能请求行政裁决。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is being adjudicated: mediation can start only after the decision.</source>
        <translation>案件 {case} 正在行政裁决程序中，作出处理决定后才能开始调解。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adjudication of case {case} has already been requested.</source>
        <translation>案件 {case} 已请求过行政裁决。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recipient is not a party to this case.</source>
        <translation>受送达人不是本案当事人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose how the document was served.</source>
        <translation>请选择送达方式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Electronic service needs the recipient&apos;s consent.</source>
        <translation>电子送达须经受送达人同意。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An officer is on the panel twice.</source>
        <translation>合议组成员重复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel needs an odd number of at least {minimum} officers (now {count}).</source>
        <translation>合议组应由 {minimum} 名以上单数承办人员组成（现为 {count} 名）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{officer} cannot sit on the panel: only active mediators and managers of the case&apos;s office can.</source>
        <translation>{officer} 不能担任合议组成员：只有本裁决所在职的调解员和负责人可以。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{officer} must withdraw from the panel (recusal: {party}).</source>
        <translation>{officer} 应当回避（{party}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The defence period runs until {due}: only after it can you record that no defence came.</source>
        <translation>答辩期至 {due} 届满，届满后才能登记未答辩。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The oral hearing cannot be held before {earliest}: the parties must learn of it at least 3 working days before.</source>
        <translation>口头审理日期不得早于 {earliest}：应至少提前3个工作日通知当事人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please enter CNIPA&apos;s case number of the invalidation request.</source>
        <translation>请填写国家知识产权局无效宣告请求的案件编号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision has not been served on: {parties}.</source>
        <translation>裁决书尚未送达：{parties}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What happened in the window to sue has already been recorded.</source>
        <translation>起诉期限届满情况已登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please choose what happened after the decision.</source>
        <translation>请选择裁决后的情况。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The window to sue runs until {due}; this can only be done after it.</source>
        <translation>起诉期限至 {due} 届满，届满后才能办理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision found no infringement: there is nothing to enforce.</source>
        <translation>裁决未认定侵权，无须强制执行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A party sued or the infringer stopped: enforcement cannot be applied for.</source>
        <translation>当事人已起诉或侵权人已停止侵权，不能申请强制执行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enforcement must be applied for within three months after the window (by {last}).</source>
        <translation>申请强制执行应在期限届满之日起三个月内提出（截至 {last}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reminder before enforcement was already served (on {on}).</source>
        <translation>强制执行前催告书已经送达（{on}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serve the written reminder (催告书) on the infringer first: enforcement can be applied for only if they have not performed 10 days after its service.</source>
        <translation>请先向侵权人送达催告书：催告书送达满十日后仍未履行的，方可申请强制执行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reminder was served on {reminded_on}: enforcement can be applied for only after {after}, if the infringer has still not performed.</source>
        <translation>催告书已于 {reminded_on} 送达：侵权人仍未履行的，{after} 之后方可申请强制执行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other users are working in the target database; the restore gave up and changed nothing. Try again when they have finished.</source>
        <translation>目标数据库正由其他用户使用，恢复已放弃，未作改动；请在他们操作完成后再试</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{what} is too long (at most {limit} characters).</source>
        <translation>{what}过长（最多 {limit} 个字）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} contains control characters.</source>
        <translation>{what}含有控制字符</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <location filename="../../ipdesk/ui/alerts/panel.py" line="-71"/>
        <source>{0} (escalated)</source>
        <translation>{0}（已上报）</translation>
    </message>
</context>
</TS>
