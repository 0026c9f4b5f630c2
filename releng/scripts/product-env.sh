# Sourced: where the built standalone product is.
PRODUCT_DIR="$ROOT/releng/org.astrolabe.product/target/products/org.astrolabe.product/linux/gtk/x86_64/astrolabe-0.1.0"
ASTROLABE_BIN="$PRODUCT_DIR/astrolabe"
