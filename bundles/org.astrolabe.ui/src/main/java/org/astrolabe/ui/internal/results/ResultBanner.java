package org.astrolabe.ui.internal.results;

import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * The lines above the result table: the status ("N rows × M columns from host"), a truncation
 * warning when MAXREC cut the result, and a failure's headline and detail. Lines without content
 * take no space. UI thread only.
 */
final class ResultBanner {

    private static final Color WARNING_BACKGROUND = new Color(255, 243, 205);
    private static final Color ERROR_BACKGROUND = new Color(253, 226, 226);

    private final Composite root;
    private final CLabel status;
    private final CLabel truncation;
    private final CLabel error;
    private final StyledText errorDetail;

    ResultBanner(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 4;
        root.setLayout(layout);
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();

        status = new CLabel(root, SWT.NONE);
        status.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        status.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.STATUS_WIDGET);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        truncation = new CLabel(root, SWT.NONE);
        truncation.setImage(images.getImage(ISharedImages.IMG_OBJS_WARN_TSK));
        truncation.setBackground(WARNING_BACKGROUND);
        truncation.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.TRUNCATION_WIDGET);
        truncation.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        error = new CLabel(root, SWT.NONE);
        error.setImage(images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK));
        error.setBackground(ERROR_BACKGROUND);
        error.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        error.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.ERROR_WIDGET);
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        errorDetail = new StyledText(root, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        errorDetail.setFont(JFaceResources.getTextFont());
        errorDetail.setMargins(6, 4, 6, 4);
        errorDetail.setAlwaysShowScrollBars(false);
        errorDetail.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.ERROR_DETAIL_WIDGET);
        GridData detailData = new GridData(SWT.FILL, SWT.TOP, true, false);
        detailData.heightHint = errorDetail.getLineHeight() * 5 + 8;
        errorDetail.setLayoutData(detailData);

        showStatus(ResultSummary.idle());
    }

    Composite control() {
        return root;
    }

    /** Shows only the status line. */
    void showStatus(String text) {
        status.setText(text);
        hide(truncation);
        hide(error);
        hide(errorDetail);
        root.getParent().layout(true, true);
    }

    /** Shows the status line and the truncation warning. */
    void showTruncated(String statusText, String warning) {
        showStatus(statusText);
        // CLabel does not wrap: break the warning between its sentences so a narrow view shows it whole.
        truncation.setText(warning.replace(". Raise", ".\nRaise").replace(". The service says", ".\nThe service says"));
        truncation.setToolTipText(warning);
        show(truncation);
        root.getParent().layout(true, true);
    }

    /** Shows a failure: the headline, and the detail when there is one. */
    void showFailure(String statusText, String headline, String detail) {
        showStatus(statusText);
        error.setText(headline);
        show(error);
        errorDetail.setText(detail);
        if (!detail.isEmpty()) {
            show(errorDetail);
        }
        root.getParent().layout(true, true);
    }

    private static void show(Control control) {
        control.setVisible(true);
        ((GridData) control.getLayoutData()).exclude = false;
    }

    private static void hide(Control control) {
        control.setVisible(false);
        ((GridData) control.getLayoutData()).exclude = true;
    }
}
