package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.jobs.JobProgress;
import org.recsys.application.profile.ProfileService;

/** Recomputes the interest points and tags of a chunk of users; each profile is replaced whole, so a redo is safe. */
@Named
@Dependent
public class InterestClusteringWriter extends AbstractItemWriter {

    @Inject
    ProfileService profiles;
    @Inject
    JobContext job;
    @Inject
    JobProgress progress;

    @Override
    public void writeItems(List<Object> items) {
        for (Object userId : items) {
            profiles.recluster((String) userId);
        }
        progress.advance(job.getExecutionId(), items.size());
    }
}
