package org.swarmbid.ui.wallet.setup;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * The backup check before a new wallet is written: the user re-enters the words at a few randomly chosen positions
 * of the recovery phrase they just wrote down. Pure; the positions are 0-based and ascending.
 */
public final class BackupQuiz {

    private final int[] positions;

    private BackupQuiz(int[] positions) {
        this.positions = positions;
    }

    /**
     * {@code questions} distinct positions out of {@code wordCount}.
     *
     * @throws IllegalArgumentException if there are fewer words than questions, or no questions
     */
    public static BackupQuiz random(int wordCount, int questions, Random random) {
        if (questions < 1 || questions > wordCount) {
            throw new IllegalArgumentException("need 1.." + wordCount + " questions, got " + questions);
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        while (chosen.size() < questions) {
            chosen.add(random.nextInt(wordCount));
        }
        return new BackupQuiz(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The asked positions, 0-based, ascending (a copy). */
    public int[] positions() {
        return positions.clone();
    }

    /**
     * True if every answer equals the word at its position (surrounding blanks and case ignored: BIP-39's English
     * words are lower case). {@code answers.get(i)} answers {@code positions()[i]}.
     */
    public boolean check(List<String> words, List<? extends CharSequence> answers) {
        if (answers.size() != positions.length) {
            return false;
        }
        boolean all = true;
        for (int i = 0; i < positions.length; i++) {
            String expected = words.get(positions[i]);
            String given = answers.get(i).toString().strip().toLowerCase(Locale.ROOT);
            all &= expected.equals(given);
        }
        return all;
    }
}
