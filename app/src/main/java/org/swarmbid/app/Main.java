package org.swarmbid.app;

/** Entry point of the {@code swarmbid} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("swarmbid 0.1.0-SNAPSHOT");
    }
}
