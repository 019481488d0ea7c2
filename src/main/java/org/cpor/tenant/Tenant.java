package org.cpor.tenant;

import java.util.List;

public record Tenant(String tenantId, String contactLanguage, List<String> domains) {}
