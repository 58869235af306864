package org.courtyard.workorders.internal;

import java.time.Duration;
import org.courtyard.api.Workers;
import org.courtyard.workorders.internal.sweeps.SweepCounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs every tenant's deadline sweep and automatic confirmation ({@code OrderSweeps}) on the
 * platform's shared workers, every minute by default. One tenant's failure is logged and the others
 * are swept all the same; the failed one is tried again at the next run, and since a sweep only
 * marks what is still unmarked, nothing is marked twice.
 */
// no service: nobody asks for it, so it must start by itself
@Component(
    service = {},
    immediate = true,
    configurationPid = WorkordersSweeper.PID)
@Designate(ocd = WorkordersSweeper.Config.class)
public final class WorkordersSweeper {

  static final String PID = "org.courtyard.workorders";
  private static final Logger LOG = LoggerFactory.getLogger(WorkordersSweeper.class);

  @ObjectClassDefinition(id = PID, name = "Courtyard work orders")
  @interface Config {
    @AttributeDefinition(
        name = "Deadline sweep (s)",
        description =
            "How often every tenant's passed deadlines are marked and its done orders past the"
                + " confirmation period confirmed")
    int sweepSeconds() default 60;
  }

  private final WorkordersInstances instances;
  private final Workers workers;
  private AutoCloseable schedule;

  @Activate
  public WorkordersSweeper(
      Config config, @Reference WorkordersInstances instances, @Reference Workers workers) {
    this.instances = instances;
    this.workers = workers;
    schedule(config);
  }

  @Modified
  synchronized void modified(Config config) {
    schedule(config);
  }

  @Deactivate
  synchronized void deactivate() {
    stop();
  }

  private synchronized void schedule(Config config) {
    stop();
    Duration every = Duration.ofSeconds(Math.max(1, config.sweepSeconds()));
    schedule = workers.every("workorders-sweep", every, every, this::sweepAll);
  }

  private void stop() {
    if (schedule != null) {
      try {
        schedule.close();
      } catch (Exception e) {
        LOG.warn("Stopping the work-order sweep failed", e);
      }
      schedule = null;
    }
  }

  /** Every running tenant, one after the other. */
  void sweepAll() {
    for (WorkordersTenant t : instances.running()) {
      MDC.put("tenant", t.tenant().value());
      try {
        SweepCounts counts = t.sweeps().sweep();
        t.charges().settle(instances.billing(), t.tenant(), null);
        int opened = instances.intakeAlarms(t);
        if (opened > 0) {
          LOG.info("Tenant {}: {} orders opened by device alarms", t.tenant(), opened);
        }
        if (counts.total() > 0) {
          LOG.debug("Tenant {}: sweep {}", t.tenant(), counts);
        }
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: the work-order sweep failed", t.tenant(), e);
      } finally {
        MDC.remove("tenant");
      }
    }
  }
}
