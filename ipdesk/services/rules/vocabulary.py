"""The Chinese labels of the domain's choices, in one place: what the services write into
messages, documents, reports and the command line's output, and what the intake form and
the ledger import accept besides the enum values (with :data:`CHOICE_ALIASES`, other ways
people write the same choice). The window shows its own translated texts (ipdesk/ui)."""

from __future__ import annotations

from ipdesk.models import (
    CaseCategory,
    CaseStatus,
    Channel,
    DisputeType,
    IpType,
    PartyKind,
    PartyRole,
    Role,
)

IP_TYPE_LABELS: dict[IpType, str] = {
    IpType.PATENT_INVENTION: "发明专利",
    IpType.PATENT_UTILITY_MODEL: "实用新型专利",
    IpType.PATENT_DESIGN: "外观设计专利",
    IpType.TRADEMARK: "商标",
    IpType.COPYRIGHT: "著作权",
    IpType.SOFTWARE_COPYRIGHT: "计算机软件著作权",
    IpType.GEOGRAPHICAL_INDICATION: "地理标志",
    IpType.TRADE_SECRET: "商业秘密",
    IpType.TECHNICAL_SECRET: "技术秘密",
    IpType.IC_LAYOUT: "集成电路布图设计",
    IpType.PLANT_VARIETY: "植物新品种",
    IpType.OTHER: "其他",
}
DISPUTE_TYPE_LABELS: dict[DisputeType, str] = {
    DisputeType.INFRINGEMENT: "侵权纠纷",
    DisputeType.OWNERSHIP: "权属纠纷",
    DisputeType.CONTRACT: "合同纠纷",
    DisputeType.UNFAIR_COMPETITION: "不正当竞争纠纷",
    DisputeType.OTHER: "其他",
}
CHANNEL_LABELS: dict[Channel, str] = {
    Channel.WALK_IN: "来访",
    Channel.PHONE: "电话",
    Channel.ONLINE: "网上",
    Channel.COURT_REFERRAL: "法院委派",
    Channel.TRANSFER: "移交",
}
PARTY_ROLE_LABELS: dict[PartyRole, str] = {
    PartyRole.APPLICANT: "申请人",
    PartyRole.RESPONDENT: "被申请人",
    PartyRole.THIRD_PARTY: "第三人",
    PartyRole.AGENT: "代理人",
}
PARTY_KIND_LABELS: dict[PartyKind, str] = {
    PartyKind.PERSON: "自然人",
    PartyKind.ORGANISATION: "组织",
}
CATEGORY_LABELS: dict[CaseCategory, str] = {
    CaseCategory.SERIOUS: "重大",
    CaseCategory.ORDINARY: "一般",
    CaseCategory.MINOR: "轻微",
}


# Other ways people write the same choice (ledgers are typed by hand).
CHOICE_ALIASES: dict[str, str] = {
    "发明": IpType.PATENT_INVENTION,
    "实用新型": IpType.PATENT_UTILITY_MODEL,
    "外观设计": IpType.PATENT_DESIGN,
    "注册商标": IpType.TRADEMARK,
    "版权": IpType.COPYRIGHT,
    "植物新品种权": IpType.PLANT_VARIETY,
    "侵权": DisputeType.INFRINGEMENT,
    "权属": DisputeType.OWNERSHIP,
    "合同": DisputeType.CONTRACT,
    "不正当竞争": DisputeType.UNFAIR_COMPETITION,
    "现场": Channel.WALK_IN,
    "窗口": Channel.WALK_IN,
    "来访登记": Channel.WALK_IN,
    "电话咨询": Channel.PHONE,
    "网络": Channel.ONLINE,
    "线上": Channel.ONLINE,
    "在线": Channel.ONLINE,
    "法院移送": Channel.COURT_REFERRAL,
    "法院委托": Channel.COURT_REFERRAL,
    "诉调对接": Channel.COURT_REFERRAL,
    "转交": Channel.TRANSFER,
    "转办": Channel.TRANSFER,
    "个人": PartyKind.PERSON,
    "单位": PartyKind.ORGANISATION,
    "法人": PartyKind.ORGANISATION,
    "企业": PartyKind.ORGANISATION,
}

STATUS_LABELS: dict[CaseStatus, str] = {
    CaseStatus.REGISTERED: "已登记待受理",
    CaseStatus.ACCEPTED: "已受理",
    CaseStatus.MEDIATING: "调解中",
    CaseStatus.AGREEMENT: "已达成调解协议",
    CaseStatus.CONFIRMATION_REQUESTED: "已申请司法确认",
    CaseStatus.CONFIRMED: "司法确认有效",
    CaseStatus.CONFIRMATION_DENIED: "司法确认申请被驳回",
    CaseStatus.FAILED: "调解不成",
    CaseStatus.WITHDRAWN: "已撤回",
    CaseStatus.REJECTED: "不予受理",
    CaseStatus.CLOSED: "已结案",
    CaseStatus.ADJUDICATED: "已作出行政裁决",
}

ROLE_LABELS: dict[Role, str] = {
    Role.STATION_STAFF: "站点工作人员",
    Role.MEDIATOR: "调解员",
    Role.OFFICE_MANAGER: "裁决所负责人",
    Role.CITY_MANAGER: "市级管理人员",
    Role.ADMIN: "系统管理员",
}
