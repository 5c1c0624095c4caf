package org.pathwise.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Real PDF, DOCX and PPTX files made with PDFBox and Apache POI, so tests need no binary fixtures. */
final class Fixtures {

    private Fixtures() {}

    /** A PDF with one page per text. */
    static byte[] pdf(String... pages) {
        return protectedPdf(null, pages);
    }

    /** A PDF protected by a user password. */
    static byte[] encryptedPdf(String text) {
        return protectedPdf("secret", text);
    }

    /** A PDF whose only page has no text. */
    static byte[] blankPdf() {
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] protectedPdf(String password, String... pages) {
        try (var document = new PDDocument()) {
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (var text : pages) {
                var page = new PDPage();
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            if (password != null) {
                var policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        var out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** A Word document: a heading 1, a paragraph, a heading 2 and another paragraph. */
    static byte[] docx(String heading1, String text1, String heading2, String text2) {
        return docx(heading1, text1, heading2, text2, "Heading");
    }

    /**
     * A Word document as {@link #docx(String, String, String, String)}, its heading styles named in a word processor's
     * language: "Heading" gives Word's English "heading 1", "Titre" the French "Titre 1".
     */
    static byte[] docx(String heading1, String text1, String heading2, String text2, String headingWord) {
        try (var document = new XWPFDocument()) {
            var styles = document.createStyles();
            var english = headingWord.equals("Heading");
            styles.addStyle(headingStyle(headingWord + "1", english ? "heading 1" : headingWord + " 1", 0));
            styles.addStyle(headingStyle(headingWord + "2", english ? "heading 2" : headingWord + " 2", 1));
            paragraph(document, heading1, headingWord + "1");
            paragraph(document, text1, null);
            paragraph(document, heading2, headingWord + "2");
            paragraph(document, text2, null);
            var out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document with a bold phrase and a link in its one paragraph. */
    static byte[] docxWithFormatting() {
        try (var document = new XWPFDocument()) {
            var paragraph = document.createParagraph();
            paragraph.createRun().setText("Check the ");
            var bold = paragraph.createRun();
            bold.setBold(true);
            bold.setText("contrast ratio");
            paragraph.createRun().setText(" against ");
            paragraph.createHyperlinkRun("https://www.w3.org/TR/WCAG21/").setText("the guidelines");
            paragraph.createRun().setText(".");
            var out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String text, String style) {
        var paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
    }

    private static XWPFStyle headingStyle(String id, String name, int outlineLevel) {
        var style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        var styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        style.setName(styleName);
        CTPPrGeneral properties = style.addNewPPr();
        CTDecimalNumber level = properties.addNewOutlineLvl();
        level.setVal(BigInteger.valueOf(outlineLevel));
        return new XWPFStyle(style);
    }

    /** A slide deck with one title-and-content slide per pair of strings. */
    static byte[] pptx(String... titlesAndBodies) {
        try (var show = new XMLSlideShow()) {
            var layout = show.getSlideMasters().getFirst().getLayout(SlideLayout.TITLE_AND_CONTENT);
            for (int i = 0; i < titlesAndBodies.length; i += 2) {
                var slide = show.createSlide(layout);
                slide.getPlaceholder(0).setText(titlesAndBodies[i]);
                slide.getPlaceholder(1).setText(titlesAndBodies[i + 1]);
            }
            var out = new ByteArrayOutputStream();
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
