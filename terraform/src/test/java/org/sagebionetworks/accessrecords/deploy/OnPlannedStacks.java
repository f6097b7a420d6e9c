package org.sagebionetworks.accessrecords.deploy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** What every plan test stands on: the variable sets, planned once per test run and shared. */
abstract class OnPlannedStacks {

    static PlannedStacks stacks;

    @BeforeAll
    static void planOnce() {
        stacks = PlannedStacks.get();
    }

    /** For {@code @MethodSource("variableSets")}: every planned variable set. */
    static List<StackVariables> variableSets() {
        return PlannedStacks.all();
    }
}
