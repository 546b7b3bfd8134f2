package io.payorch.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of DESIGN.md, enforced: a violation fails the build. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {"io.micronaut..", "jakarta..", "javax.inject..", "javax.sql..",
            "com.fasterxml..", "java.sql..", "lombok..", "org.slf4j..", "io.netty.."};

    private JavaClasses classes;

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.payorch");
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        ArchRule rule = classes().that().resideInAPackage("io.payorch.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.payorch.domain..", "java..");
        rule.check(classes);
    }

    @Test
    void theApplicationDependsOnTheDomainAndTheJdkOnly() {
        ArchRule rule = classes().that().resideInAPackage("io.payorch.application..")
                .should().onlyDependOnClassesThat()
                // javax.crypto: the JDK's HMAC, for webhook signatures
                .resideInAnyPackage("io.payorch.application..", "io.payorch.domain..", "java..", "javax.crypto..");
        rule.check(classes);
    }

    @Test
    void theApplicationsPackagesAreFreeOfCycles() {
        slices().matching("io.payorch.application.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreCarriesNoFrameworkAnnotation() {
        noClasses().that().resideInAnyPackage("io.payorch.domain..", "io.payorch.application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(classes);
    }

    @Test
    void theProviderWireHelpersArePlainJavaAndKnowNoAdapter() {
        classes().that().resideInAPackage("io.payorch.wire..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.payorch.wire..", "io.payorch.application..", "io.payorch.domain..", "java..",
                        "javax.crypto..")
                .check(classes);
    }

    @Test
    void providerWireKnowledgeStaysOutOfTheApplication() {
        noClasses().that().resideInAnyPackage("io.payorch.domain..", "io.payorch.application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.payorch.wire..", "io.payorch.adapters..")
                .check(classes);
    }

    @Test
    void adaptersNeverSeeEachOtherNorTheBootstrap() {
        slices().matching("io.payorch.adapters.(*)..").should().notDependOnEachOther().check(classes);
        noClasses().that().resideInAPackage("io.payorch.adapters..")
                .should().dependOnClassesThat().resideInAPackage("io.payorch.bootstrap..")
                .check(classes);
    }

    @Test
    void controllersCallUseCasesNeverRepositories() {
        for (String layer : List.of("io.payorch.bootstrap.web..", "io.payorch.bootstrap.admin..")) {
            noClasses().that().resideInAPackage(layer)
                    .should().dependOnClassesThat().resideInAPackage("io.payorch.bootstrap.persistence..")
                    .orShould().dependOnClassesThat().resideInAPackage("io.payorch.application.port.out..")
                    .check(classes);
        }
    }

    @Test
    void rowsAndRepositoriesStayInsidePersistence() {
        classes().that().areAnnotatedWith(MappedEntity.class)
                .should().notBePublic().andShould().resideInAPackage("io.payorch.bootstrap.persistence..")
                .check(classes);
        classes().that().areAnnotatedWith(JdbcRepository.class)
                .should().notBePublic().andShould().resideInAPackage("io.payorch.bootstrap.persistence..")
                .check(classes);
    }

    @Test
    void providerDtosNeverLeaveTheirAdapter() {
        noClasses().that().resideOutsideOfPackages("io.payorch.adapters..", "io.payorch.bootstrap.config..")
                .should().dependOnClassesThat().resideInAPackage("io.payorch.adapters..")
                .check(classes);
    }
}
