package org.astrolabe.tap.internal.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.WaitOptions;
import org.junit.jupiter.api.Test;

/** The value types: phases with behaviour, and records that refuse bad values naming them. */
class ExecutionPhaseTest {

    @Test
    void phasesKnowWhetherTheyAreOver() {
        for (ExecutionPhase p : ExecutionPhase.values()) {
            assertFalse(p.isActive() && p.isFinal(), p.name());
        }
        assertTrue(ExecutionPhase.PENDING.isActive());
        assertFalse(ExecutionPhase.PENDING.isRunning());
        assertTrue(ExecutionPhase.QUEUED.isRunning());
        assertTrue(ExecutionPhase.EXECUTING.isRunning());
        assertTrue(ExecutionPhase.COMPLETED.isFinal());
        assertTrue(ExecutionPhase.ERROR.isFinal());
        assertTrue(ExecutionPhase.ABORTED.isFinal());
        assertTrue(ExecutionPhase.ARCHIVED.isFinal());
        assertFalse(ExecutionPhase.HELD.isFinal() || ExecutionPhase.HELD.isActive());
        assertFalse(ExecutionPhase.SUSPENDED.isFinal() || ExecutionPhase.UNKNOWN.isFinal());
    }

    @Test
    void parseIsLenientOnCaseAndStrictOnValues() {
        assertEquals(ExecutionPhase.EXECUTING, ExecutionPhase.parse(" executing\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExecutionPhase.parse("DONE"));
        assertTrue(e.getMessage().contains("'DONE'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExecutionPhase.parse(""));
    }

    private static JobInfo info(String id, URI uri, String version) {
        return new JobInfo(id, uri, version, ExecutionPhase.COMPLETED, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), List.of(), Optional.empty());
    }

    @Test
    void jobInfoValidates() {
        assertThrows(IllegalArgumentException.class, () -> info(" ", URI.create("http://x/j"), "1.1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> info("j1", URI.create("async/j1"), "1.1"));
        assertTrue(e.getMessage().contains("j1"), e.getMessage());
        assertTrue(info("j", URI.create("http://x/j"), "1.1").supportsBlockingWait());
        assertTrue(info("j", URI.create("http://x/j"), "2.0").supportsBlockingWait());
        assertFalse(info("j", URI.create("http://x/j"), null).supportsBlockingWait());
        assertEquals("1.0", info("j", URI.create("http://x/j"), "").version());
        assertEquals(URI.create("http://x/j/results/result"), info("j", URI.create("http://x/j/"), "1.1").resultUri());
    }

    @Test
    void filtersAndOptionsValidate() {
        assertThrows(IllegalArgumentException.class, () -> JobFilter.all().withLast(0));
        assertEquals(Set.of(ExecutionPhase.ERROR), JobFilter.all().withPhases(ExecutionPhase.ERROR).phases());
        assertEquals(OptionalInt.of(3), JobFilter.all().withLast(3).last());
        assertThrows(IllegalArgumentException.class,
                () -> WaitOptions.defaults().withWaitPeriod(Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class,
                () -> WaitOptions.defaults().withTimeout(Duration.ofSeconds(-1)));
        assertFalse(WaitOptions.defaults().keepOnCancel());
    }
}
