package org.familyengagement.internal;

import java.util.List;

import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.Staff;

/**
 * The dataset reader's way into {@code Dataset}'s private assembly, which the public API does
 * not offer: a reader that ran each contact's own reference checks
 * ({@link References#checkContactReferences}) while it read, and noted each contact's family,
 * hands both over so they are not done a second time. Every other check still runs, and the
 * problems, if any, are the ones {@link Dataset#of} would give.
 */
public final class DatasetAssembly {
    /** {@code Dataset.assemble}. */
    @FunctionalInterface
    public interface Assembler {
        /**
         * @param familyOfContact for each contact, its family's position in {@code families}: the
         *                        contacts' own references are checked, and each has its language
         */
        Dataset assemble(District district, List<Staff> staff, List<Family> families, List<Contact> contacts,
                         List<Commitment> commitments, List<Meeting> meetings, int[] familyOfContact);
    }

    private static volatile Assembler assembler;

    private DatasetAssembly() {
    }

    /** Called once, by {@code Dataset}'s static initializer. */
    public static void register(Assembler value) {
        if (assembler != null) {
            throw new IllegalStateException("the dataset assembler is registered by Dataset alone");
        }
        assembler = value;
    }

    /** A dataset of lists whose contacts' own references are already checked; see {@link Assembler#assemble}. */
    public static Dataset assemble(District district, List<Staff> staff, List<Family> families, List<Contact> contacts,
                                   List<Commitment> commitments, List<Meeting> meetings,
                                   int[] familyOfContact) {
        if (assembler == null) {
            try {
                // Dataset registers itself when it is initialized.
                Class.forName(Dataset.class.getName(), true, Dataset.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return assembler.assemble(district, staff, families, contacts, commitments, meetings, familyOfContact);
    }
}
