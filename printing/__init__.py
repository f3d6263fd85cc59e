"""Official one-stop papers as PDF, drawn with reportlab. No Qt."""
