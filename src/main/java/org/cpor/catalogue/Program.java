package org.cpor.catalogue;

/** The incentive programs; each fixes the claim's solution area and partner role. */
public enum Program {
  OSA_SELL("BUSINESS_APPLICATIONS", "BUILD_INTENT_ADVISOR"),
  OSU_M365("MODERN_WORK_AND_SECURITY", "USE_OR_CONSUME"),
  OSU_BUSINESS_APPLICATIONS("BUSINESS_APPLICATIONS", "USAGE_RECOGNITION");

  private final String solutionArea;
  private final String partnerRole;

  Program(String solutionArea, String partnerRole) {
    this.solutionArea = solutionArea;
    this.partnerRole = partnerRole;
  }

  public String solutionArea() {
    return solutionArea;
  }

  public String partnerRole() {
    return partnerRole;
  }

  /** Business Applications workloads name the subscription of each product. */
  public boolean needsSubscriptionIds() {
    return "BUSINESS_APPLICATIONS".equals(solutionArea);
  }

  /** Recognition without payment exists for Modern Work and Security only. */
  public boolean allowsIncentiveOptOut() {
    return this == OSU_M365;
  }
}
