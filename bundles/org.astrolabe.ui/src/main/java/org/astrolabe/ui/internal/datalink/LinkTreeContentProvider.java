package org.astrolabe.ui.internal.datalink;

import org.astrolabe.datalink.DataLink;
import org.eclipse.jface.viewers.ITreeContentProvider;

/** Groups of a {@link LinkGroups} as the tree's roots, their links as children. */
final class LinkTreeContentProvider implements ITreeContentProvider {

    @Override
    public Object[] getElements(Object input) {
        return input instanceof LinkGroups groups ? groups.groups().toArray() : new Object[0];
    }

    @Override
    public Object[] getChildren(Object parent) {
        return parent instanceof LinkGroups.Group group ? group.links().toArray() : new Object[0];
    }

    @Override
    public Object getParent(Object element) {
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return element instanceof LinkGroups.Group group && !group.links().isEmpty();
    }

    /** @return the link of a tree element, or {@code null} for a group */
    static DataLink link(Object element) {
        return element instanceof DataLink link ? link : null;
    }
}
