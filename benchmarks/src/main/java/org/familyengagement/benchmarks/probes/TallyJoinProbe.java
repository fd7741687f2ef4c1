package org.familyengagement.benchmarks.probes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.drools.model.codegen.ExecutableModelProject;
import org.familyengagement.benchmarks.Districts;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.EvaluationContext;
import org.familyengagement.rules.FamilyHistory;
import org.familyengagement.rules.GroupLabel;
import org.familyengagement.rules.GroupRate;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * The group tally of the pack (every {@code GroupLabel} against every {@code FamilyHistory} through
 * {@code hasLabel}) against two alternatives, on the same facts: {@code TallyJoinProbe <families> <runs>}.
 * <ul>
 *   <li>A, as the pack: {@code accumulate(FamilyHistory(hasLabel($label)) ...)}, a cross product;
 *   <li>B, one {@link Membership} fact per family and dimension, joined by {@code label == $label},
 *       which Drools indexes;
 *   <li>C, the cross product kept, but on {@link ResolvedFamily}, whose labels are resolved once to
 *       the canonical label objects, so a test is an identity scan.
 * </ul>
 * All three are compiled to the executable model (the pack's own form) at run time, and run on the
 * same inserted facts. Prints thread-CPU medians and whether the three computed the same tallies.
 */
public final class TallyJoinProbe {
    private static final String HEADER = """
            package probe;
            import org.familyengagement.rules.*;
            import org.familyengagement.rules.GroupRate.Measure;
            import org.familyengagement.benchmarks.probes.*;
            """;
    private static final String THEN =
            "then insertLogical(GroupRate.of(Measure.REACH, $label, $families.intValue(), $successes.intValue(),"
            + " $families.intValue(), $policy)); end\n";
    private static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("baseline (no rule)", HEADER);
        VARIANTS.put("baseline + memberships", HEADER);
        VARIANTS.put("baseline + resolved", HEADER);
        VARIANTS.put("A cross product", HEADER + """
                rule "A" when
                    EvaluationContext( $policy : policy )
                    $label : GroupLabel()
                    accumulate( FamilyHistory( hasLabel($label), $reached : reachedCount() );
                                $families : count(), $successes : sum($reached) )
                """ + THEN);
        VARIANTS.put("B indexed memberships", HEADER + """
                rule "B" when
                    EvaluationContext( $policy : policy )
                    $label : GroupLabel()
                    accumulate( Membership( label == $label, $reached : reached() );
                                $families : count(), $successes : sum($reached) )
                """ + THEN);
        VARIANTS.put("C resolved labels", HEADER + """
                rule "C" when
                    EvaluationContext( $policy : policy )
                    $label : GroupLabel()
                    accumulate( ResolvedFamily( hasLabel($label), $reached : reachedCount() );
                                $families : count(), $successes : sum($reached) )
                """ + THEN);
    }

    private TallyJoinProbe() {
    }

    public static void main(String[] args) {
        int families = Integer.parseInt(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Dataset dataset = Districts.generate(families);
        EvaluationContext context = new EvaluationContext(Districts.AS_OF, Policy.defaults(), dataset.district());
        Map<String, KieBase> bases = new LinkedHashMap<>();
        VARIANTS.forEach((name, drl) -> bases.put(name, compile(name, drl)));
        Map<String, Set<String>> tallies = new HashMap<>();
        Medians medians = new Medians();
        for (int run = 0; run < runs; run++) {
            bases.forEach((name, base) -> medians.time(name, () -> tallies.put(name, run(name, base, dataset, context))));
        }
        medians.print(String.format("%,d families:", families));
        Set<String> a = tallies.get("A cross product");
        System.out.printf("same tallies: B %s, C %s (%d labels)%n", a.equals(tallies.get("B indexed memberships")),
                a.equals(tallies.get("C resolved labels")), a.size());
    }

    private static Set<String> run(String variant, KieBase base, Dataset dataset, EvaluationContext context) {
        KieSession session = base.newKieSession();
        try {
            session.insert(context);
            Map<GroupLabel, GroupLabel> canonical = new LinkedHashMap<>();
            for (Family family : dataset.families()) {
                FamilyHistory history = new FamilyHistory(family, dataset.contactsOf(family.id()),
                        dataset.commitmentsOf(family.id()), context);
                session.insert(history);
                List<GroupLabel> own = new ArrayList<>();
                family.groups().forEach((dimension, label) -> {
                    GroupLabel groupLabel = canonical.computeIfAbsent(new GroupLabel(dimension, label), k -> k);
                    own.add(groupLabel);
                    if (variant.startsWith("B") || variant.endsWith("memberships")) {
                        session.insert(new Membership(groupLabel, history));
                    }
                });
                if (variant.startsWith("C") || variant.endsWith("resolved")) {
                    session.insert(new ResolvedFamily(own.toArray(GroupLabel[]::new), history));
                }
            }
            canonical.keySet().forEach(session::insert);
            session.fireAllRules();
            Set<String> tallies = new TreeSet<>();
            for (Object fact : session.getObjects(o -> o instanceof GroupRate)) {
                GroupRate rate = (GroupRate) fact;
                tallies.add(rate.label() + "=" + rate.successes() + "/" + rate.n());
            }
            return tallies;
        } finally {
            session.dispose();
        }
    }

    /** Compiles DRL to the executable model, as kie-maven-plugin does for the pack, in a kjar of its own. */
    private static KieBase compile(String name, String drl) {
        KieServices services = KieServices.Factory.get();
        ReleaseId id = services.newReleaseId("org.familyengagement.probes", "tally-" + Math.abs(name.hashCode()), "1.0");
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(id);
        files.write("src/main/resources/probe/tally.drl", drl);
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException(builder.getResults().getMessages().toString());
        }
        return services.newKieContainer(id).getKieBase();
    }
}
