package org.swarmbid.core.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Storage is a leaf package: JDK, SLF4J, bencode and bitfield only (no metainfo, no engine, no Netty). */
class StorageDependencyTest {

    @Test
    void storageImportsOnlyTheJdkSlf4jBencodeAndBitfield() {
        JavaClasses storage = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.swarmbid.core.storage");
        classes().that().resideInAPackage("org.swarmbid.core.storage")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "org.slf4j..", "org.swarmbid.core.storage..",
                        "org.swarmbid.core.bencode..", "org.swarmbid.core.bitfield..")
                .check(storage);
    }
}
