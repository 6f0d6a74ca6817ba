"""Who is acting: every use case takes an Actor and checks it."""

from __future__ import annotations

from dataclasses import dataclass

from ipdesk.models import Role, User
from ipdesk.services.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    name: str
    role: Role
    office_id: int | None = None
    station_id: int | None = None
    may_view_personal_data: bool = False

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(
            user_id=user.id,
            name=user.display_name,
            role=user.role,
            office_id=user.office_id,
            station_id=user.station_id,
            may_view_personal_data=user.may_view_personal_data,
        )

    @classmethod
    def system(cls) -> Actor:
        """The operator of ``ipdesk-admin`` on a server: an administrator without a user row."""
        return cls(user_id=None, name="ipdesk-admin", role=Role.ADMIN, may_view_personal_data=True)

    @property
    def is_citywide(self) -> bool:
        return self.role in (Role.CITY_MANAGER, Role.ADMIN)

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            raise PermissionDenied(
                f"当前角色无权执行此操作（{self.name}）",
                code="role_not_permitted",
                role=self.role.value,
            )
