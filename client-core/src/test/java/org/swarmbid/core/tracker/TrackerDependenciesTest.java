package org.swarmbid.core.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The tracker package is a leaf: JDK, SLF4J and bencode only (no metainfo, no engine, no Netty). */
class TrackerDependenciesTest {

    @Test
    void dependsOnlyOnJdkSlf4jAndBencode() throws Exception {
        // import only the compiled main classes of this package (a classpath scan takes many seconds)
        java.nio.file.Path classes = java.nio.file.Path.of(TrackerList.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve("org/swarmbid/core/tracker");
        com.tngtech.archunit.ArchConfiguration config = com.tngtech.archunit.ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false); // names suffice for a package rule
        JavaClasses main;
        try {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
        org.assertj.core.api.Assertions.assertThat(main.contain(TrackerList.class)).isTrue();
        classes().that().resideInAPackage("org.swarmbid.core.tracker").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "org.slf4j..", "org.swarmbid.core.bencode..",
                        "org.swarmbid.core.tracker..")
                .check(main);
    }
}
