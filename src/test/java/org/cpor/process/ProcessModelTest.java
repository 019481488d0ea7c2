package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The BPMN model and the Java code agree: constants, delegate beans and forms; and the model states every way on
 * (no implicit end, a default where a gateway decides) and has its diagram for every element.
 */
class ProcessModelTest extends IntegrationTest {

  private static final Pattern EXPRESSION_BEAN = Pattern.compile("^\\$\\{([a-zA-Z]+)}$");
  /** The names of the decision outcomes, which the model's and the forms' conditions compare with. */
  private static final Set<String> OUTCOMES = java.util.Arrays.stream(org.cpor.claim.DecisionOutcome.values())
      .map(Enum::name).collect(java.util.stream.Collectors.toCollection(TreeSet::new));

  @Autowired RepositoryService repository;
  @Autowired ApplicationContext context;

  private BpmnModelInstance model() {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(AssociationClaimProcess.PROCESS_ID).latestVersion().singleResult();
    return repository.getBpmnModelInstance(definition.getId());
  }

  private static List<String> constants(String prefix) throws IllegalAccessException {
    return constants(AssociationClaimProcess.class, String.class, prefix).stream().map(String.class::cast).toList();
  }

  /** The values of {@code owner}'s static fields of {@code type} whose names start with {@code prefix}. */
  private static List<Object> constants(Class<?> owner, Class<?> type, String prefix) throws IllegalAccessException {
    List<Object> values = new ArrayList<>();
    for (Field field : owner.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == type && field.getName().startsWith(prefix)) {
        values.add(field.get(null));
      }
    }
    return values;
  }

  private static com.fasterxml.jackson.databind.JsonNode form(String formId) throws java.io.IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(java.nio.file.Files.readString(java.nio.file.Path.of("forms", formId + ".form")));
  }

  /** The field keys of a form. */
  private static Set<String> keys(com.fasterxml.jackson.databind.JsonNode form) {
    Set<String> keys = new TreeSet<>();
    form.findValues("key").forEach(key -> keys.add(key.asText()));
    return keys;
  }

  @Test
  void everyElementConstantExistsInTheModel() throws Exception {
    BpmnModelInstance model = model();
    List<String> ids = new ArrayList<>();
    for (String prefix : List.of("TASK_", "START_EVENT_", "END_EVENT_", "BOUNDARY_EVENT_", "GATEWAY_", "SEQUENCE_FLOW_")) {
      ids.addAll(constants(prefix));
    }
    assertThat(ids).hasSizeGreaterThan(20);
    for (String id : ids) {
      assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
    }
    assertThat(model.getModelElementsByType(Process.class)).extracting(BaseElement::getId)
        .containsExactly(AssociationClaimProcess.PROCESS_ID);
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsAll(constants("MESSAGE_"));
  }

  @Test
  void noPathEndsImplicitly_everyFlowNodeButAnEndEventLeadsOn() {
    Collection<FlowNode> nodes = model().getModelElementsByType(FlowNode.class);
    assertThat(nodes).hasSizeGreaterThan(20)
        .filteredOn(n -> !(n instanceof EndEvent) && !(n instanceof SubProcess))
        .allSatisfy(n -> assertThat(n.getOutgoing()).as(n.getId() + " has a way on").isNotEmpty());
    assertThat(nodes).filteredOn(n -> !(n instanceof StartEvent) && !(n instanceof BoundaryEvent) && !(n instanceof SubProcess))
        .allSatisfy(n -> assertThat(n.getIncoming()).as(n.getId() + " is reached").isNotEmpty());
  }

  @Test
  void theCustomerWaitReceivesTheDeclineItself_andOnlyTheWindowsTimerIsAttached() {
    BpmnModelInstance model = model();
    ReceiveTask wait = model.getModelElementById(AssociationClaimProcess.TASK_AWAIT_CUSTOMER_DECISION);
    assertThat(wait.getMessage()).as("the message the wait receives").isNotNull();
    assertThat(wait.getMessage().getName()).isEqualTo(AssociationClaimProcess.MESSAGE_CUSTOMER_DECLINED);
    assertThat(wait.getOutgoing()).singleElement().satisfies(flow -> {
      assertThat(flow.getId()).isEqualTo(AssociationClaimProcess.SEQUENCE_FLOW_CUSTOMER_DECLINED);
      assertThat(flow.getTarget().getId()).isEqualTo(AssociationClaimProcess.TASK_RECORD_CUSTOMER_DECLINE);
    });
    List<BoundaryEvent> attached = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> b.getAttachedTo() == wait).toList();
    assertThat(attached).singleElement().satisfies(timer -> {
      assertThat(timer.getId()).isEqualTo(AssociationClaimProcess.BOUNDARY_EVENT_OPT_OUT_WINDOW_ELAPSED);
      assertThat(timer.cancelActivity()).as("interrupting").isTrue();
      assertThat(timer.getEventDefinitions()).singleElement().isInstanceOf(TimerEventDefinition.class);
    });
  }

  @Test
  void everyDecidingGatewayHasADefault_theValidationOutcomesLeadsBackToTheValidator() {
    BpmnModelInstance model = model();
    assertThat(model.getModelElementsByType(ExclusiveGateway.class)).filteredOn(g -> g.getOutgoing().size() > 1)
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.getDefault()).as(g.getId() + " default flow").isNotNull());
    ExclusiveGateway outcome = model.getModelElementById(AssociationClaimProcess.GATEWAY_VALIDATION_OUTCOME);
    assertThat(outcome.getDefault().getId()).isEqualTo(AssociationClaimProcess.SEQUENCE_FLOW_VALIDATION_OUTCOME_UNDECIDED);
    assertThat(outcome.getDefault().getTarget().getId()).isEqualTo(AssociationClaimProcess.GATEWAY_DECISION_PENDING);
    assertThat(outcome.getDefault().getTarget().getOutgoing()).singleElement()
        .satisfies(flow -> assertThat(flow.getTarget().getId()).isEqualTo(AssociationClaimProcess.TASK_VALIDATE_CLAIM));
    assertThat(outcome.getDefault().getConditionExpression()).as("a default has no condition").isNull();
  }

  @Test
  void everyFlowNodeHasAShapeAndEveryFlowAnEdge() {
    BpmnModelInstance model = model();
    List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).toList();
    List<BpmnEdge> edges = List.copyOf(model.getModelElementsByType(BpmnEdge.class));
    assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(n -> assertThat(shapes).as(n.getId()).contains(n.getId()));
    assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(f -> assertThat(edges).as(f.getId())
        .anySatisfy(e -> {
          assertThat(e.getBpmnElement().getId()).isEqualTo(f.getId());
          assertThat(e.getWaypoints()).hasSizeGreaterThanOrEqualTo(2);
        }));
    assertThat(shapes).doesNotHaveDuplicates();
  }

  @Test
  void everyElementHasAHumanName() {
    Collection<FlowElement> elements = model().getModelElementsByType(FlowElement.class);
    assertThat(elements).filteredOn(e -> !(e instanceof SequenceFlow))
        .allSatisfy(e -> assertThat(e.getName()).as(e.getId()).isNotBlank());
  }

  @Test
  void everyDelegateExpressionResolvesToABean() {
    BpmnModelInstance model = model();
    List<String> expressions = new ArrayList<>();
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)
        .forEach(t -> expressions.add(t.getCamundaDelegateExpression()));
    model.getModelElementsByType(CamundaTaskListener.class).forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
    assertThat(expressions).hasSizeGreaterThan(10).doesNotContainNull();
    for (String expression : expressions) {
      Matcher matcher = EXPRESSION_BEAN.matcher(expression);
      assertThat(matcher.matches()).as(expression).isTrue();
      assertThat(context.containsBean(matcher.group(1))).as(expression).isTrue();
    }
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)
        .forEach(t -> assertThat(t.getCamundaClass()).as(t.getId()).isNull());
  }

  @Test
  void everyReferencedFormIsDeployed() {
    List<String> formIds = model().getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef).toList();
    assertThat(formIds).containsExactlyInAnyOrder(AssociationClaimProcess.FORM_VALIDATE_CLAIM, AssociationClaimProcess.FORM_PROVIDE_INFORMATION);
    String deployment = repository.createProcessDefinitionQuery().processDefinitionKey(AssociationClaimProcess.PROCESS_ID)
        .latestVersion().singleResult().getDeploymentId();
    List<String> resources = repository.getDeploymentResourceNames(deployment);
    for (String formId : formIds) {
      assertThat(resources).as(formId).anyMatch(r -> r.endsWith(formId + ".form"));
    }
    model().getModelElementsByType(UserTask.class)
        .forEach(t -> assertThat(t.getCamundaFormRefBinding()).as(t.getId()).isEqualTo("deployment"));
  }

  /**
   * Each form's fields are the ones the code knows by constant: the fields a user fills in are exactly those a
   * completion of the task may carry (the guard's list), every other field is one of the values the task shows.
   */
  @Test
  void everyFormFieldIsAConstantOfTheCode_theFieldsUsersFillAndTheValuesShown() throws Exception {
    BpmnModelInstance model = model();
    for (String taskId : List.of(AssociationClaimProcess.TASK_VALIDATE_CLAIM, AssociationClaimProcess.TASK_PROVIDE_INFORMATION)) {
      String formId = ((UserTask) model.getModelElementById(taskId)).getCamundaFormRef();
      Set<String> keys = keys(form(formId));
      Set<String> filledIn = new TreeSet<>(keys);
      filledIn.removeAll(EngineRestGuard.DISPLAY_FIELDS);
      assertThat(filledIn).as(formId + ": the fields a user fills in").containsExactlyInAnyOrderElementsOf(
          EngineRestGuard.DECISION_FIELDS.get(taskId));
      assertThat(keys).as(formId + ": every field").isNotEmpty().isSubsetOf(
          union(EngineRestGuard.DECISION_FIELDS.get(taskId), EngineRestGuard.DISPLAY_FIELDS));
    }
  }

  /**
   * What a form shows and decides on besides its fields is named by the code too: each {@code {{value}}} of its texts
   * is a value the task shows ({@link TaskDisplay}), each value a condition compares is one of the form's fields
   * compared with a {@link org.cpor.claim.DecisionOutcome}; and each user task is offered to the validators' group
   * ({@link org.cpor.identity.Groups}) or to the group {@link TaskRouting} names.
   */
  @Test
  void everyValueAFormShowsOrComparesIsNamedByTheCode_andEveryTaskGoesToAGroupTheCodeNames() throws Exception {
    List<Object> shown = constants(TaskDisplay.class, String.class, "");
    BpmnModelInstance model = model();
    int checked = 0;
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      com.fasterxml.jackson.databind.JsonNode form = form(task.getCamundaFormRef());
      Set<String> keys = keys(form);
      List<String> texts = new ArrayList<>();
      collectTexts(form, texts);
      for (String text : texts) {
        Matcher template = Pattern.compile("\\{\\{([a-zA-Z]+)}}").matcher(text);
        while (template.find()) {
          assertThat(template.group(1)).as(task.getCamundaFormRef() + ": {{" + template.group(1) + "}}").isIn(shown);
          checked++;
        }
        Matcher comparison = Pattern.compile("([a-zA-Z]+) = \"([A-Z_]+)\"").matcher(text);
        while (text.startsWith("=") && comparison.find()) {
          assertThat(comparison.group(1)).as(task.getCamundaFormRef() + ": " + comparison.group()).isIn(keys);
          assertThat(comparison.group(2)).as(task.getCamundaFormRef() + ": " + comparison.group()).isIn(OUTCOMES);
          checked++;
        }
      }
      String groups = task.getCamundaCandidateGroups();
      assertThat(groups.equals(org.cpor.identity.Groups.VALIDATORS) || groups.startsWith("${taskRouting."))
          .as(task.getId() + " is offered to " + groups).isTrue();
    }
    assertThat(checked).as("values the forms show or compare").isGreaterThan(5);
  }

  private static void collectTexts(com.fasterxml.jackson.databind.JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.forEach(child -> collectTexts(child, texts));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * Every expression of the model reads what the code names: a variable is a {@link ProcessVariable} constant, a
   * compared value a {@link org.cpor.claim.DecisionOutcome}, a bean and its method exist.
   */
  @Test
  void everyExpressionOfTheModelReadsConstantsOfTheCode() throws Exception {
    List<String> variables = constants(AssociationClaimProcess.class, ProcessVariable.class, "").stream()
        .map(variable -> ((ProcessVariable<?>) variable).name()).toList();
    String xml = java.nio.file.Files.readString(java.nio.file.Path.of("processes", AssociationClaimProcess.PROCESS_ID + ".bpmn"));
    Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
    Pattern variable = Pattern.compile("^([a-zA-Z]+)$");
    Pattern read = Pattern.compile("^execution\\.getVariable\\('([a-zA-Z]+)'\\) == '([A-Z_]+)'$");
    Pattern call = Pattern.compile("^([a-zA-Z]+)\\.([a-zA-Z]+)\\(execution\\)$");
    int seen = 0;
    while (expression.find()) {
      String text = expression.group(1);
      Matcher m;
      if ((m = variable.matcher(text)).matches()) {
        assertThat(variables.contains(m.group(1)) || context.containsBean(m.group(1)))
            .as("${%s}: a process variable of the code or a bean", text).isTrue();
      } else if ((m = read.matcher(text)).matches()) {
        assertThat(m.group(1)).as(text).isIn(variables);
        assertThat(m.group(2)).as(text).isIn(OUTCOMES);
      } else if ((m = call.matcher(text)).matches()) {
        assertThat(context.containsBean(m.group(1))).as(text).isTrue();
        assertThat(context.getType(m.group(1)).getMethod(m.group(2), org.camunda.bpm.engine.delegate.DelegateExecution.class))
            .as(text).isNotNull();
      } else {
        throw new AssertionError("an expression this test does not know how to check: ${" + text + "}");
      }
      seen++;
    }
    assertThat(seen).as("expressions in the model").isGreaterThan(20);
  }

  @Test
  void theProcessKeepsItsHistoryForAConfiguredTime() {
    Process process = model().getModelElementById(AssociationClaimProcess.PROCESS_ID);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
  }

  @Test
  void decisionForm_offersEachOutcomesReasons_inTheProductsWords() throws Exception {
    String expression = form(AssociationClaimProcess.FORM_VALIDATE_CLAIM).findValues("valuesExpression").get(0).asText();
    String[] branches = expression.split("else if");
    assertThat(branches[0]).contains("\"REJECTED\"");
    assertThat(branches[1]).contains("\"INFORMATION_REQUESTED\"");
    List<String> rejection = new ArrayList<>(org.cpor.claim.ReasonCodes.REJECTION);
    rejection.removeAll(org.cpor.claim.ReasonCodes.SYSTEM_ONLY);
    assertThat(offered(branches[0])).as("a validator's rejection reasons").containsExactlyElementsOf(rejection);
    assertThat(offered(branches[1])).as("information request reasons")
        .containsExactlyElementsOf(org.cpor.claim.ReasonCodes.INFORMATION_REQUEST);
  }

  /** The codes a branch of the form's expression offers, each checked to carry the code's words as its label. */
  private static List<String> offered(String branch) {
    Matcher option = Pattern.compile("\\{label: \"([^\"]+)\", value: \"([A-Z_]+)\"}").matcher(branch);
    List<String> codes = new ArrayList<>();
    while (option.find()) {
      assertThat(option.group(1)).as(option.group(2)).isEqualTo(org.cpor.claim.ReasonCodes.words(option.group(2)));
      codes.add(option.group(2));
    }
    return codes;
  }
}
