package org.courtyard.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;

/**
 * Every permission known on this node: the platform's own (sign-in, users, roles) and those the
 * installed modules declare. Roles may only name permissions in it, or patterns that match some.
 */
final class PermissionCatalog {

  /** The platform's permissions, for the endpoints under {@code /identity} and {@code /tenant}. */
  static final List<PermissionDef> PLATFORM =
      List.of(
          PermissionDef.of(
              "identity.tenant.read", "See the company's profile and modules", "查看公司信息与已开通模块"),
          PermissionDef.of(
              "identity.module.manage",
              "Enable and disable the company's modules, within its plan",
              "在套餐范围内开通或停用模块"),
          PermissionDef.of(
              "identity.user.read", "See staff accounts and their sessions", "查看员工账号及登录会话"),
          PermissionDef.of(
              "identity.user.manage",
              "Create, edit, disable and sign out staff accounts",
              "新建、编辑、停用员工账号及强制下线"),
          PermissionDef.of(
              "identity.role.read", "See roles, grants and the permission list", "查看角色、授权及权限清单"),
          PermissionDef.of("identity.role.manage", "Create, edit and delete roles", "新建、编辑、删除角色"),
          PermissionDef.of(
              "identity.apikey.manage",
              "Create, list and revoke API keys for integrations and devices",
              "管理接口密钥（对接系统与设备）"),
          PermissionDef.of("identity.resident.read", "See residents' sign-in accounts", "查看住户登录账号"),
          PermissionDef.of(
              "identity.resident.manage",
              "Disable, enable and sign out residents' accounts",
              "停用、启用住户账号及强制下线"),
          PermissionDef.of("identity.audit.read", "See and export the audit log", "查看及导出操作日志"),
          PermissionDef.of(
              "identity.sso.manage",
              "See and change sign-in through the company's own identity provider (SSO)",
              "查看及修改企业统一身份认证（单点登录）设置"),
          PermissionDef.of(
              "identity.settings.manage",
              "Change the company's identity settings, such as how long the audit log is kept",
              "修改账号安全设置（如操作日志保留期限）"),
          PermissionDef.of(
              "identity.grant.manage",
              "Grant roles to staff, in a scope, and take them back",
              "为员工授予或收回角色及数据范围"));

  private final Map<String, List<PermissionDef>> byModule = new ConcurrentHashMap<>();

  PermissionCatalog() {
    byModule.put("identity", PLATFORM);
  }

  void add(ModuleDescriptor module) {
    byModule.put(module.id(), List.copyOf(module.permissions()));
  }

  void remove(ModuleDescriptor module) {
    byModule.remove(module.id());
  }

  List<PermissionDef> all() {
    List<PermissionDef> out = new ArrayList<>();
    byModule.values().forEach(out::addAll);
    out.sort(Comparator.comparing(PermissionDef::id));
    return out;
  }

  /** Whether a role may hold {@code entry}: a known id, or a pattern that matches a known id. */
  boolean accepts(String entry) {
    if (!PermissionPattern.isWellFormed(entry)) {
      return false;
    }
    PermissionPattern p = PermissionPattern.of(entry);
    return all().stream().anyMatch(d -> p.matches(d.id()));
  }
}
