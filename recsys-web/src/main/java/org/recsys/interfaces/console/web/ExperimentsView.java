package org.recsys.interfaces.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.serving.Experiments;

/** The strategies that run side by side: traffic share and positive feedback rate of each. */
@Named("experimentsView")
@RequestScoped
public class ExperimentsView {

    @Inject
    Experiments experiments;

    private List<Experiments.Standing> standings;

    public List<Experiments.Standing> getStandings() {
        if (standings == null) {
            standings = experiments.standings();
        }
        return standings;
    }

    public String getChart() {
        List<String> labels = getStandings().stream().map(s -> s.strategy().code()).toList();
        return new ChartData("bar", "Traffic share and positive feedback rate (%)", labels)
                .series("traffic %", getStandings().stream().map(s -> s.trafficShare() * 100).toList())
                .series("positive %", getStandings().stream().map(s -> s.positiveRate() * 100).toList()).json();
    }
}
