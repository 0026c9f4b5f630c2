package org.astrolabe.ui.internal.schema;

import java.util.Locale;

import org.astrolabe.ui.internal.schema.SchemaNodes.ColumnNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.MessageNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.SchemaNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.TableNode;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/** Columns of the Schema browser: name, type, unit, UCD, description. UI thread only. */
final class SchemaLabelProvider extends LabelProvider implements ITableLabelProvider {

    static final String[] HEADERS = {"Name", "Type", "Unit", "UCD", "Description"};

    @Override
    public Image getColumnImage(Object element, int column) {
        if (column != 0) {
            return null;
        }
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        return switch (element) {
            case SchemaNode s -> images.getImage(ISharedImages.IMG_OBJ_FOLDER);
            case TableNode t -> images.getImage(ISharedImages.IMG_OBJ_FILE);
            case ColumnNode c -> images.getImage(ISharedImages.IMG_OBJ_ELEMENT);
            case MessageNode m -> m.error() ? images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK)
                    : images.getImage(ISharedImages.IMG_OBJS_INFO_TSK);
            default -> null;
        };
    }

    @Override
    public String getColumnText(Object element, int column) {
        return switch (element) {
            case SchemaNode s -> column == 0 ? s.schema().name() : column == 4 ? oneLine(s.schema().description()) : "";
            case TableNode t -> switch (column) {
                case 0 -> bare(t.table().name());
                case 1 -> t.table().type().toLowerCase(Locale.ROOT)
                        + (t.table().nrows().isPresent() ? String.format(Locale.ROOT, " (%,d rows)",
                                t.table().nrows().getAsLong()) : "");
                case 4 -> oneLine(t.table().description());
                default -> "";
            };
            case ColumnNode c -> switch (column) {
                case 0 -> c.column().name();
                case 1 -> c.column().typeText();
                case 2 -> c.column().unit();
                case 3 -> c.column().ucd();
                default -> oneLine(c.column().description());
            };
            case MessageNode m -> column == 0 ? m.text() : "";
            default -> "";
        };
    }

    private static String bare(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
