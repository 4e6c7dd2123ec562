package org.recsys.ml.data;

/**
 * One line of MovieLens {@code u.user}.
 *
 * @param lineNumber 1-based line number
 * @param userId     user id
 * @param age        age in years
 * @param gender     M or F
 * @param occupation occupation name
 * @param zipCode    zip code text
 */
public record MovieLensUser(long lineNumber, String userId, int age, String gender, String occupation,
                            String zipCode) {

    /** A short text describing the user, usable as a profile text. */
    public String describe() {
        return "age " + age + ", " + ("F".equals(gender) ? "female" : "male") + ", " + occupation;
    }
}
