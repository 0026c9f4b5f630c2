package org.astrolabe.ui.internal.adql;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

/**
 * Content assist for the ADQL editor: the proposals of {@link AdqlCompletions} for the model of the
 * service currently selected. Activates by itself after a dot. UI thread only.
 */
final class AdqlAssistProcessor implements IContentAssistProcessor {

    private final Supplier<CompletionModel> model;
    private String lastError;

    /** @param model gives the model of the selected service at the time of the request */
    AdqlAssistProcessor(Supplier<CompletionModel> model) {
        this.model = model;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        String text = viewer.getDocument().get();
        AdqlCompletions.Word word = AdqlCompletions.wordAt(text, offset);
        List<AdqlCompletions.Completion> completions = new AdqlCompletions(model.get()).complete(text, offset);
        lastError = completions.isEmpty() ? "No completion for '" + text.substring(word.start(), offset)
                + "' (the service's tables may still be loading)" : null;
        int length = offset - word.start();
        return completions.stream()
                .map(c -> (ICompletionProposal) new CompletionProposal(c.replacement(), word.start(), length,
                        c.replacement().length(), null, c.display(), null, c.detail().isEmpty() ? null : c.detail()))
                .toArray(ICompletionProposal[]::new);
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return new IContextInformation[0];
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] {'.'};
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return new char[0];
    }

    @Override
    public String getErrorMessage() {
        return lastError;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
