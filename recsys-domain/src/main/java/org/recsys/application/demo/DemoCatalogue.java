package org.recsys.application.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.recsys.application.ItemDraft;
import org.recsys.application.UserDraft;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.item.ItemDescription;

/**
 * Generates the demo music shop. The same seed always gives the same catalogue, users and feedback (timestamps
 * included), so demo runs, screenshots and tests are repeatable. Users have one or two favourite departments and
 * styles; most of their feedback is about those, and their ratings and reviews say so.
 */
public final class DemoCatalogue {

    public static final long SEED = 20261123L;
    static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

    private static final String[] STYLES = {"jazz", "rock", "blues", "classical", "metal", "folk", "electronic",
        "funk"};
    private static final String[] BRANDS = {"Aurora", "Bellwood", "Cobalt", "Drayton", "Elmstone", "Fairlane",
        "Granite", "Harbor", "Ironbark", "Juniper"};

    private record Department(String id, String name, String[] products, String[] features) {
    }

    private static final Department[] DEPARTMENTS = {
        new Department("guitars", "Guitars", new String[] {"hollow-body guitar", "solid-body electric guitar",
            "acoustic guitar", "nylon-string guitar", "bass guitar", "archtop guitar"},
            new String[] {"a maple neck that plays fast", "warm humbucker pickups", "a solid spruce top",
                "low action straight from the box", "a comfortable satin finish"}),
        new Department("keyboards", "Keyboards", new String[] {"stage piano", "synthesizer", "MIDI controller",
            "digital piano", "organ"},
            new String[] {"88 weighted keys", "a rich grand piano sample", "analog-style filters",
                "built-in speakers", "aftertouch on every key"}),
        new Department("drums", "Drums & Percussion", new String[] {"snare drum", "drum kit", "ride cymbal",
            "cajon", "electronic drum kit"},
            new String[] {"birch shells", "a crisp attack", "mesh heads for quiet practice",
                "a dark, washy sound", "sturdy hardware"}),
        new Department("recording", "Recording", new String[] {"condenser microphone", "audio interface",
            "studio monitors", "pop filter", "closed-back headphones"},
            new String[] {"low self-noise", "two clean preamps", "a flat frequency response",
                "plug-and-play USB", "a solid shock mount"}),
        new Department("cables", "Cables & Accessories", new String[] {"instrument cable", "patch cable set",
            "XLR cable", "guitar strap", "string set", "tuner"},
            new String[] {"braided jacket", "gold-plated plugs", "a lifetime warranty", "low handling noise",
                "a clip-on design"}),
        new Department("books", "Books & Sheet Music", new String[] {"method book", "songbook",
            "theory workbook", "real book", "etude collection"},
            new String[] {"graded exercises", "play-along audio", "clear notation and tab",
                "a chapter on improvisation", "lay-flat binding"}),
        new Department("dj", "DJ & Electronic", new String[] {"DJ controller", "groovebox", "drum machine",
            "effects pedal", "sampler"},
            new String[] {"velocity-sensitive pads", "a built-in sequencer", "tempo-synced effects",
                "a bright display", "class-compliant MIDI"}),
        new Department("wind", "Wind & Brass", new String[] {"alto saxophone", "trumpet", "clarinet",
            "flute", "trombone"},
            new String[] {"a smooth valve action", "a rich dark tone", "a hard case", "easy intonation",
                "a hand-lacquered body"})
    };

    private static final String[] LIKES = {"I mostly play %s and love good %s.",
        "Looking for %s gear, especially %s.", "Into %s. Currently shopping for %s.",
        "%s player, always hunting for better %s."};
    private static final String[] GOOD = {"Great %s, exactly what I needed for %s.",
        "Sounds fantastic, the %s is perfect for %s.", "Superb build quality; my new favourite %s.",
        "Really happy with this %s, would buy again."};
    private static final String[] MEH = {"Decent %s, nothing special for %s.", "It is okay. The %s works but "
        + "feels cheap.", "Average %s; does the job."};
    private static final String[] BAD = {"Disappointing %s, not good for %s at all.", "Broke after a week; "
        + "this %s is poor quality.", "Terrible %s, returned it."};

    public record Contents(List<ItemDraft> items, List<UserDraft> users, List<NewFeedback> feedback) {
    }

    private record Made(ItemDraft draft, int department, int style, String product) {
    }

    private DemoCatalogue() {
    }

    /** The whole demo: 8 departments of 40 items, 120 users and their feedback. */
    public static Contents generate() {
        Random random = new Random(SEED);
        List<Made> items = items(random);
        List<UserDraft> users = new ArrayList<>();
        List<NewFeedback> feedback = new ArrayList<>();
        for (int u = 1; u <= 120; u++) {
            int favouriteDepartment = random.nextInt(DEPARTMENTS.length);
            int secondDepartment = random.nextInt(DEPARTMENTS.length);
            int favouriteStyle = random.nextInt(STYLES.length);
            String userId = String.format("demo-user-%03d", u);
            String preference = random.nextDouble() < 0.6
                    ? String.format(LIKES[random.nextInt(LIKES.length)], STYLES[favouriteStyle],
                    DEPARTMENTS[favouriteDepartment].name().toLowerCase())
                    : null;
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("synthetic", "true");
            attributes.put("segment", random.nextBoolean() ? "hobbyist" : "professional");
            users.add(new UserDraft(userId, attributes, preference));
            feedback.addAll(feedbackOf(userId, favouriteDepartment, secondDepartment, favouriteStyle, items, random));
        }
        return new Contents(items.stream().map(Made::draft).toList(), users, feedback);
    }

    private static List<Made> items(Random random) {
        List<Made> made = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            Department department = DEPARTMENTS[d];
            for (int n = 1; n <= 40; n++) {
                int style = random.nextInt(STYLES.length);
                String product = department.products()[random.nextInt(department.products().length)];
                String brand = BRANDS[random.nextInt(BRANDS.length)];
                String title = brand + " " + capitalise(STYLES[style]) + " " + product;
                String feature = department.features()[random.nextInt(department.features().length)];
                String other = department.features()[random.nextInt(department.features().length)];
                String description = "A " + product + " voiced for " + STYLES[style] + " players, with " + feature
                        + (other.equals(feature) ? "" : " and " + other) + ". Part of the " + department.name()
                        + " range from " + brand + ".";
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("brand", brand);
                attributes.put("price", String.valueOf(20 + random.nextInt(1200)));
                attributes.put("synthetic", "true");
                String id = String.format("demo-%s-%02d", department.id(), n);
                made.add(new Made(new ItemDraft(id, new ItemDescription(title, description,
                        List.of(department.id(), STYLES[style]), attributes)), d, style, product));
            }
        }
        return made;
    }

    private static List<NewFeedback> feedbackOf(String userId, int favouriteDepartment, int secondDepartment,
                                                int favouriteStyle, List<Made> items, Random random) {
        List<NewFeedback> events = new ArrayList<>();
        int count = 12 + random.nextInt(25);
        Instant time = EPOCH.plus(Duration.ofHours(random.nextInt(24 * 30)));
        for (int e = 0; e < count; e++) {
            boolean onTaste = random.nextDouble() < 0.8;
            Made item = onTaste ? pickOnTaste(items, favouriteDepartment, secondDepartment, favouriteStyle, random)
                    : items.get(random.nextInt(items.size()));
            boolean liked = item.department() == favouriteDepartment || item.department() == secondDepartment
                    || item.style() == favouriteStyle;
            time = time.plus(Duration.ofMinutes(30 + random.nextInt(60 * 48)));
            String key = "demo:" + userId + ":" + e;
            double roll = random.nextDouble();
            FeedbackType type;
            Double value = null;
            String text = null;
            if (roll < 0.35) {
                type = FeedbackType.VIEW;
            } else if (roll < 0.6) {
                type = liked ? FeedbackType.CLICK : FeedbackType.VIEW;
            } else if (roll < 0.72) {
                type = liked ? FeedbackType.LIKE : FeedbackType.DISLIKE;
            } else if (roll < 0.84) {
                type = FeedbackType.RATING;
                value = (double) (liked ? 4 + random.nextInt(2) : 1 + random.nextInt(3));
            } else if (roll < 0.94) {
                type = FeedbackType.REVIEW;
                int stars = liked ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                value = (double) stars;
                text = review(stars, item.product(), STYLES[item.style()], random);
            } else {
                type = liked ? FeedbackType.PURCHASE : FeedbackType.NOT_INTERESTED;
                text = liked ? null : "Not interested, I do not need another " + item.product() + ".";
            }
            events.add(new NewFeedback(userId, item.draft().id(), type, value, text, time, null, key));
        }
        return events;
    }

    private static Made pickOnTaste(List<Made> items, int favouriteDepartment, int secondDepartment,
                                    int favouriteStyle, Random random) {
        List<Made> candidates = items.stream().filter(m -> m.department() == favouriteDepartment
                || m.department() == secondDepartment || m.style() == favouriteStyle).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static String review(int stars, String product, String style, Random random) {
        String[] templates = stars >= 4 ? GOOD : stars == 3 ? MEH : BAD;
        return String.format(templates[random.nextInt(templates.length)], product, style);
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
